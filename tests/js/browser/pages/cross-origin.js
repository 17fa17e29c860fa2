// Adds <script async src> for the embed named by the page's ?embed= (another origin in the test).
const script = document.createElement('script');
script.async = true;
script.src = new URLSearchParams(location.search).get('embed');
document.body.append(script);
