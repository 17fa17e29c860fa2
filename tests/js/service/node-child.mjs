// The Node adapter in its own process for the load test (its memory measured apart), the
// outgoing fetch guarded to the test server: node node-child.mjs TEST_SERVER_PORT [OVERRIDES_JSON]
import { createService } from '../../../web/dist/service-node.js';
import { serve } from '../../../examples/service/node.mjs';
import { testConfig } from './suite.mjs';

const port = Number(process.argv[2]);
const server = { port, origin: `http://127.0.0.1:${port}` };
const guard = (url, init) => {
  if (new URL(url).host !== `127.0.0.1:${port}`) return Promise.reject(new Error(`test guard: ${url} is not the test server`));
  return fetch(url, init);
};
const overrides = JSON.parse(process.argv[3] ?? '{}'); // of testConfig, as startWorkerd's
const http = serve(createService({ ...testConfig(server), ...overrides, fetch: guard }));
http.listen(0, '127.0.0.1', () => console.log(`listening ${http.address().port}`));
