// The service tests' local server for the CLI's URL tests (tests/cli/test_cli_urls.sh): prints
// its port, serves until its standard input closes, then prints the requests it was sent for
// another host (none expected) and exits 1 if there were any.
import { startServer } from './server.mjs';

const server = await startServer();
console.log(server.port);
process.stdin.resume();
process.stdin.on('end', async () => {
  await server.close();
  if (server.violations.length) console.error(`violations: ${server.violations.join(', ')}`);
  process.exit(server.violations.length ? 1 : 0);
});
