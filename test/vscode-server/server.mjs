// Shared by run-tests.mjs and demo.mjs: installs (setup.sh), stages the extension and a
// workspace copy in a temp dir, and starts / stops code-server (VS Code server on Node 24).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** An expected failure: reported by its message alone, without a stack. */
export class RunError extends Error {}

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../..');

/** Files of the extension that a VSIX would contain (relative to its root). */
const PACKAGED = ['package.json', 'dist', 'media', 'l10n', 'README.md', 'CHANGELOG.md', 'LICENSE'];

/** Settings for a quiet, reproducible workbench (no welcome page, chat panel or update checks). */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  // The built-in TypeScript support would run `npm install` for typings (this machine reaches no network for them)
  // while the suite writes files into the workspace; it is not what the suite tests.
  'typescript.disableAutomaticTypeAcquisition': true,
};

/**
 * Runs setup.sh (fast when everything is installed) and returns what it settled on:
 * { NODE24, CODE_SERVER_ENTRY, CODE_SERVER_VERSION, CHROMIUM }. `browser: false` (the demo)
 * neither installs nor requires chromium (LTS_SETUP_NO_BROWSER); CHROMIUM may then be empty.
 */
export function runSetup({ browser = true } = {}) {
  const env = browser ? process.env : { ...process.env, LTS_SETUP_NO_BROWSER: '1' };
  const result = spawnSync('bash', [path.join(here, 'setup.sh')], { stdio: 'inherit', env });
  if (result.status !== 0) {
    throw new RunError(`test/vscode-server/setup.sh failed (${result.error?.message ?? `exit code ${result.status}`})`);
  }
  const cache = process.env.LTS_TEST_CACHE || path.join(os.homedir(), '.cache/lts-status-codes');
  const settled = {};
  for (const line of fs.readFileSync(path.join(cache, 'env'), 'utf8').split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) settled[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return settled;
}

/**
 * Copies the extension at `sourceDir` into `extensionsDir` the way an installed VSIX looks:
 * `<publisher>.<name>-<version>/` with the packaged files only. Returns the extension id.
 */
export function stageExtension(sourceDir, extensionsDir, { webOnly = false } = {}) {
  const manifest = JSON.parse(fs.readFileSync(path.join(sourceDir, 'package.json'), 'utf8'));
  const { publisher, name, version, main } = manifest;
  if (!publisher || !name || !version) {
    throw new RunError(`${sourceDir}/package.json needs publisher, name and version`);
  }
  if (main && !fs.existsSync(path.resolve(sourceDir, main)) && !fs.existsSync(path.resolve(sourceDir, `${main}.js`))) {
    throw new RunError(`${path.resolve(sourceDir, main)} does not exist: build the extension first`);
  }
  const target = path.join(extensionsDir, `${publisher}.${name}-${version}`);
  const files = fs.readdirSync(sourceDir).filter((f) => PACKAGED.includes(f) || /^package\.nls(\..+)?\.json$/.test(f));
  for (const file of files) {
    fs.cpSync(path.join(sourceDir, file), path.join(target, file), { recursive: true });
  }
  if (webOnly) {
    // Without `main`, code-server runs the extension in the browser's web worker extension host, from `browser`.
    if (!manifest.browser) throw new RunError(`${sourceDir}/package.json has no browser entry`);
    const { main: _main, ...web } = manifest;
    fs.writeFileSync(path.join(target, 'package.json'), JSON.stringify({ ...web, extensionKind: ['web'] }, null, 2));
  }
  return `${publisher}.${name}`;
}

/** Copies the harness extension (runs the suite named by LTS_TEST_ENTRY) into `extensionsDir`. */
export function stageHarness(extensionsDir) {
  fs.cpSync(path.join(here, 'harness'), path.join(extensionsDir, 'lts-test.harness-0.0.1'), { recursive: true });
}

/** The web worker host's harness: a `browser`-only extension around the bundled suite (out/test/web-harness). */
export function stageWebHarness(extensionsDir, bundle) {
  const target = path.join(extensionsDir, 'lts-test.web-harness-0.0.1');
  fs.mkdirSync(target, { recursive: true });
  fs.copyFileSync(bundle, path.join(target, 'extension.js'));
  fs.writeFileSync(path.join(target, 'package.json'), JSON.stringify({
    name: 'web-harness',
    displayName: 'LTS Status Codes web test harness',
    publisher: 'lts-test',
    version: '0.0.1',
    private: true,
    engines: { vscode: '^1.80.0' },
    activationEvents: ['*'],
    extensionKind: ['web'],
    browser: './extension.js',
  }, null, 2));
}

/**
 * Copies `from` (relative to the repository; test/workspace for the tests, test/demo for
 * the demo) to `<tmp>/workspace` so nobody modifies the repository (an empty folder when
 * it does not exist: git keeps no empty folders).
 */
export function stageWorkspace(tmp, from = 'test/workspace') {
  const source = path.join(repoRoot, from);
  const workspace = path.join(tmp, 'workspace');
  if (fs.existsSync(source)) fs.cpSync(source, workspace, { recursive: true });
  else fs.mkdirSync(workspace);
  return workspace;
}

/**
 * Makes `locale` (e.g. zh-cn) a display language VS Code accepts without a language pack: a
 * stub pack in `<tmp>/ext` that contributes the language with no translations, registered in
 * `<tmp>/ud/languagepacks.json` (VS Code writes that file when it installs a pack; a staged one is
 * not installed). VS Code only switches its language (vscode.env.language, the language it loads
 * extensions' package.nls.<locale>.json and l10n bundles for) when a pack for it is installed;
 * with this one its own menus stay English. Pass the same `locale` to startCodeServer.
 */
export function stageLocale(tmp, locale) {
  const id = `lts-demo.display-language-${locale}`;
  const target = path.join(tmp, 'ext', `${id}-0.0.1`);
  fs.mkdirSync(target, { recursive: true });
  fs.writeFileSync(path.join(target, 'translations.json'), JSON.stringify({ version: '1.0.0', contents: {} }));
  fs.writeFileSync(path.join(target, 'package.json'), JSON.stringify({
    name: `display-language-${locale}`,
    displayName: `Demo: display language ${locale} (switches the language, translates nothing)`,
    publisher: 'lts-demo',
    version: '0.0.1',
    private: true,
    engines: { vscode: '^1.80.0' },
    categories: ['Language Packs'],
    contributes: {
      localizations: [{
        languageId: locale,
        languageName: locale,
        localizedLanguageName: locale,
        translations: [{ id: 'vscode', path: './translations.json' }],
      }],
    },
  }, null, 2));
  fs.mkdirSync(path.join(tmp, 'ud'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'ud/languagepacks.json'), JSON.stringify({
    [locale]: {
      hash: `lts-demo-${locale}-0.0.1`,
      extensions: [{ extensionIdentifier: { id }, version: '0.0.1' }],
      translations: { vscode: path.join(target, 'translations.json') },
      label: locale,
    },
  }, null, 2));
}

/** A TCP port that is free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server in its own process group, serving `workspace`, with state under
 * `tmp` and its output in `<tmp>/code-server.log`. `env` is added to its environment
 * (the extension host inherits it). `locale` (e.g. zh-cn) is passed as `--locale`; it only takes
 * effect with a language pack for it (stageLocale). Returns a handle with url, logFile, exited (a
 * promise of the exit code) and stop().
 */
export function startCodeServer({ setup, tmp, port, workspace, env = {}, settings = {}, locale }) {
  const extensionsDir = path.join(tmp, 'ext');
  const userDataDir = path.join(tmp, 'ud');
  const configFile = path.join(tmp, 'config.yaml');
  const logFile = path.join(tmp, 'code-server.log');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User/settings.json'), JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2));
  fs.writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);

  const log = fs.openSync(logFile, 'a');
  const child = spawn(
    setup.NODE24,
    [
      setup.CODE_SERVER_ENTRY,
      '--config', configFile,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--extensions-dir', extensionsDir,
      '--user-data-dir', userDataDir,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      ...(locale ? ['--locale', locale] : []),
      workspace,
    ],
    {
      // Own process group: code-server leaves helper processes (agent host, copilot
      // runtime) behind, so stop() signals the whole group.
      detached: true,
      stdio: ['ignore', log, log],
      // The XDG folders keep code-server's own config, logs and state out of $HOME.
      env: { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'), XDG_DATA_HOME: path.join(tmp, 'xdg-data'), ...env },
    },
  );
  fs.closeSync(log);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const pgid = child.pid;

  const groupAlive = () => {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const signalGroup = (signal) => {
    try {
      process.kill(-pgid, signal);
    } catch {
      // Already gone.
    }
  };

  let stopping;
  return {
    url: `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace).replaceAll('%2F', '/')}`,
    baseUrl: `http://127.0.0.1:${port}/`,
    logFile,
    userDataDir,
    exited,
    /** SIGTERM to the whole group, SIGKILL to what is left after `graceMs`. */
    stop(graceMs = 5000) {
      stopping ??= (async () => {
        signalGroup('SIGTERM');
        const deadline = Date.now() + graceMs;
        while (groupAlive() && Date.now() < deadline) await sleep(100);
        signalGroup('SIGKILL');
      })();
      return stopping;
    },
    /** Synchronous last resort for process.on('exit'). */
    kill() {
      signalGroup('SIGKILL');
    },
  };
}

/** Resolves once code-server answers HTTP; rejects when it exits or `timeoutMs` passes. */
export async function waitForHttp(server, timeoutMs) {
  let exitCode;
  server.exited.then((code) => (exitCode = code));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new RunError(`code-server exited (${exitCode}) before it was ready`);
    try {
      const res = await fetch(server.baseUrl + 'healthz', { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new RunError(`code-server did not answer on ${server.baseUrl} within ${timeoutMs / 1000} s`);
}

/**
 * What went wrong, for error reports: the ends of code-server's log and of the
 * extension host's log (where failures to load or activate extensions show).
 */
export function serverLogs(server) {
  const logsDir = path.join(server.userDataDir, 'logs');
  const extHostLogs = fs.existsSync(logsDir)
    ? fs.readdirSync(logsDir).sort().flatMap((session) => {
      const sessionDir = path.join(logsDir, session);
      return fs.readdirSync(sessionDir).filter((d) => d.startsWith('exthost')).sort()
        .map((d) => path.join(sessionDir, d, 'remoteexthost.log'));
    }).filter((f) => fs.existsSync(f))
    : [];
  let text = `--- code-server log, last lines ---\n${logTail(server.logFile)}`;
  if (extHostLogs.length > 0) text += `\n--- extension host log, last lines ---\n${logTail(extHostLogs.at(-1))}`;
  return text;
}

/** The last `lines` lines of a log file, for error reports. */
export function logTail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
