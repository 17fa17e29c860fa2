// A worker that runs and never answers: the element must not wait for it for ever.
