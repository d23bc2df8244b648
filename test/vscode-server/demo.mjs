// Serves VS Code (code-server) with the built extension installed and a copy of the demo
// workspace (test/demo) opened, for trying the extension in a browser. Runs until Ctrl+C.
//
// Usage: node test/vscode-server/demo.mjs [--port <n>] [--locale <id>] [--keep] [--extension <dir>]
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  freePort, repoRoot, RunError, runSetup, serverLogs, stageExtension, stageLocale, stageWorkspace, startCodeServer,
  waitForHttp,
} from './server.mjs';

const DEMO_WORKSPACE = 'test/demo';

const USAGE = `Usage: npm run demo -- [options]
       node test/vscode-server/demo.mjs [options]   (after npm run build)

Serves VS Code (code-server) with the extension installed on a temporary copy of the demo
workspace (${DEMO_WORKSPACE}/) and prints the URL to open in your browser. Ctrl+C stops it.
The first run installs code-server (a few minutes); the demo installs no browser.

  --port <n>            port on 127.0.0.1 to serve VS Code on (default: a free port, printed)
  --locale <id>         VS Code's display language, e.g. zh-cn: the extension's commands,
                        settings, hovers and messages appear in it; VS Code's own menus stay
                        English (a stub language pack without translations switches the
                        language; no real language pack is downloaded)
  --keep                keep the workspace copy when stopping (its path is printed); without it,
                        files created or changed in the demo are deleted on Ctrl+C
  --extension <dir>     extension to install (default: the repository root; must be built)
  --help                show this help

Example: npm run demo -- --port 8080 --locale zh-cn --keep`;

let options;
try {
  ({ values: options } = parseArgs({
    options: {
      port: { type: 'string' },
      locale: { type: 'string' },
      keep: { type: 'boolean', default: false },
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
let port;
if (options.port !== undefined) {
  port = Number(options.port);
  if (!/^\d+$/.test(options.port) || port < 1 || port > 65535) {
    console.error(`--port must be a port number (1-65535), not "${options.port}"\n\n${USAGE}`);
    process.exit(2);
  }
  if (!(await portIsFree(port))) {
    console.error(`Port ${port} on 127.0.0.1 is in use; choose another, or leave out --port for a free one.`);
    process.exit(2);
  }
} else {
  port = await freePort();
}
const locale = options.locale?.toLowerCase();
if (locale !== undefined && !/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(locale)) {
  console.error(`--locale must be a language id such as zh-cn or de, not "${options.locale}"\n\n${USAGE}`);
  process.exit(2);
}
const extensionDir = path.resolve(options.extension);
if (locale && locale !== 'en' && !fs.existsSync(path.join(extensionDir, `package.nls.${locale}.json`))) {
  const known = fs.readdirSync(extensionDir).map((f) => /^package\.nls\.(.+)\.json$/.exec(f)?.[1]).filter(Boolean);
  console.warn(`Note: the extension has no ${locale} translation (it has: en${known.map((l) => `, ${l}`).join('')}); it will speak English.`);
}

let server;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lts-demo-'));
let workspace;

let shuttingDown = false;
async function shutdown(code) {
  shuttingDown = true;
  await server?.stop();
  if (options.keep && workspace && fs.existsSync(workspace)) {
    // Keep only the workspace: code-server's state, logs and the staged extension go.
    for (const entry of fs.readdirSync(tmp)) {
      if (path.join(tmp, entry) !== workspace) fs.rmSync(path.join(tmp, entry), { recursive: true, force: true });
    }
    console.log(`The demo workspace is kept in ${workspace}`);
  } else {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  process.exit(code);
}
process.on('exit', () => server?.kill());
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (shuttingDown) return;
    console.log('\nStopping code-server');
    shutdown(0);
  });
}

try {
  // The demo opens no browser of its own: the setup leaves chromium (for the tests) out.
  const setup = runSetup({ browser: false });
  stageExtension(extensionDir, path.join(tmp, 'ext'));
  if (locale && !locale.startsWith('en')) stageLocale(tmp, locale);
  workspace = stageWorkspace(tmp, DEMO_WORKSPACE);
  server = startCodeServer({ setup, tmp, port, workspace, locale });
  await waitForHttp(server, 60_000);
  const languageNote = locale ? `, display language ${locale}` : '';
  console.log(`
Open ${server.url}

(code-server ${setup.CODE_SERVER_VERSION}${languageNote}; Ctrl+C to stop)
${options.keep
    ? `The workspace is a copy of ${DEMO_WORKSPACE}/ in ${workspace}; --keep: it stays there after Ctrl+C.`
    : `WARNING: the workspace is a temporary copy of ${DEMO_WORKSPACE}/ in ${workspace}:
files you create or change there are DELETED on Ctrl+C. Start with --keep to keep them.`}
`);
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

/** Whether `port` on 127.0.0.1 can be listened on right now. */
function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
