// Serves VS Code (code-server) with the built extension installed and a copy of
// test/workspace opened, for trying the extension in a browser. Runs until Ctrl+C.
//
// Usage: node test/vscode-server/demo.mjs [--port 8080] [--extension <dir>]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot, RunError, runSetup, serverLogs, stageExtension, stageWorkspace, startCodeServer, waitForHttp } from './server.mjs';

const USAGE = `Usage: node test/vscode-server/demo.mjs [options]

  --port <port>         port on 127.0.0.1 to serve VS Code on (default 8080)
  --extension <dir>     extension to install (default: the repository root; must be built)
  --help                show this help`;

let options;
try {
  ({ values: options } = parseArgs({
    options: {
      port: { type: 'string', default: '8080' },
      extension: { type: 'string', default: repoRoot },
      help: { type: 'boolean', default: false },
    },
  }));
} catch (err) {
  console.error(`${err.message}\n\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}
const port = Number(options.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`--port must be a port number\n\n${USAGE}`);
  process.exit(2);
}

let server;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lts-demo-'));

let shuttingDown = false;
async function shutdown(code) {
  shuttingDown = true;
  await server?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
  process.exit(code);
}
process.on('exit', () => server?.kill());
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (shuttingDown) return;
    console.log('\nStopping code-server');
    shutdown(0);
  });
}

try {
  const setup = runSetup();
  stageExtension(path.resolve(options.extension), path.join(tmp, 'ext'));
  const workspace = stageWorkspace(tmp);
  server = startCodeServer({ setup, tmp, port, workspace });
  await waitForHttp(server, 60_000);
  console.log(`\nOpen ${server.url}\n(code-server ${setup.CODE_SERVER_VERSION}; workspace copy in ${workspace}; Ctrl+C to stop)`);
  const code = await server.exited;
  if (!shuttingDown) {
    console.error(`code-server exited (${code})\n${serverLogs(server)}`);
    await shutdown(1);
  }
} catch (err) {
  if (!shuttingDown) {
    console.error(`ERROR: ${err instanceof RunError ? err.message : err.stack}`);
    if (server) console.error(serverLogs(server));
    await shutdown(1);
  }
}
