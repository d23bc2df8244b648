// Runs the integration suite (out/test/integration/index.js) inside a real VS Code
// extension host: code-server (the VS Code server build from npm) opened by headless
// Chromium. The harness extension calls the suite's run(), which reports progress as
// JSON lines in an events file that this script tails and prints.
//
// Usage: node test/vscode-server/run-tests.mjs [options]   (see --help)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import {
  freePort, repoRoot, RunError, runSetup, sleep, stageExtension, stageHarness, stageLocale, stageWebHarness, stageWorkspace,
  logTail, serverLogs, startCodeServer, waitForHttp,
} from './server.mjs';

const USAGE = `Usage: node test/vscode-server/run-tests.mjs [options]

  --hosts <list>        extension hosts to run the suite in, one after the other (default node,web):
                        node = the Node.js extension host (the desktop build, main),
                        web  = the browser's web worker extension host (the web build, browser)
  --grep <pattern>      run only tests whose full title matches <pattern> (a regular expression)
  --locale <id>         VS Code's display language for the run (e.g. zh-cn; default English)
  --screenshots <dir>   let tests take screenshots (requestScreenshot) into <dir>
  --timeout <seconds>   give up when the suite has not ended this long after the workbench
                        opened (default 900)
  --extension <dir>     extension to test (default: the repository root; must be built)
  --entry <file>        suite entry module (default: out/test/integration/index.js)
  --keep                keep the temp dir (code-server log, events, workspace copy)
  --help                show this help`;

const SERVER_START_TIMEOUT_MS = 60_000;
const SUITE_START_TIMEOUT_MS = 180_000;
const POLL_MS = 200;
/** After this long without a test event, the runner prints what the workbench shows (see reportWorkbench). */
const QUIET_REPORT_MS = 45_000;
// Lets the workbench paint what the test just arranged before it is photographed.
const SCREENSHOT_SETTLE_MS = 500;

let options;
try {
  ({ values: options } = parseArgs({
    options: {
      hosts: { type: 'string', default: 'node,web' },
      grep: { type: 'string' },
      locale: { type: 'string' },
      screenshots: { type: 'string' },
      timeout: { type: 'string', default: '900' },
      extension: { type: 'string', default: repoRoot },
      entry: { type: 'string', default: path.join(repoRoot, 'out/test/integration/index.js') },
      keep: { type: 'boolean', default: false },
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
const totalTimeoutMs = Number(options.timeout) * 1000;
if (!(totalTimeoutMs > 0)) {
  console.error(`--timeout must be a positive number of seconds\n\n${USAGE}`);
  process.exit(2);
}
const entry = path.resolve(options.entry);
const HOSTS = {
  node: 'Node.js extension host',
  web: 'web worker extension host',
};
const hosts = options.hosts.split(',').map((h) => h.trim()).filter(Boolean);
if (hosts.length === 0 || hosts.some((h) => !(h in HOSTS))) {
  console.error(`--hosts takes a list of ${Object.keys(HOSTS).join(', ')}\n\n${USAGE}`);
  process.exit(2);
}
const webHarness = path.join(repoRoot, 'out/test/web-harness/extension.js');
const screenshotDir = options.screenshots && path.resolve(options.screenshots);

let tmp;
/** Benchmark figures the suite measured (event 'metric'), printed again at the end. */
const metrics = [];
let server;
let browser;

/** Closes the browser, stops the code-server process group, removes the temp dir. */
let tearingDown;
function teardown() {
  tearingDown ??= (async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    if (tmp && !options.keep) fs.rmSync(tmp, { recursive: true, force: true });
    else if (tmp) console.log(`Kept ${tmp}`);
  })();
  return tearingDown;
}
// Last resort when the process ends without teardown (e.g. an uncaught exception).
process.on('exit', () => server?.kill());
// Exit code once interrupted; teardown then makes main() fail, which is not reported.
let interrupted;
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = code;
    console.error(`\nInterrupted (${signal}), shutting down`);
    teardown().finally(() => process.exit(code));
  });
}

async function main() {
  if (!fs.existsSync(entry) || (hosts.includes('web') && !fs.existsSync(webHarness))) {
    throw new RunError('the integration tests are not built: run `node esbuild.mjs --tests` first');
  }
  const setup = runSetup();
  const results = [];
  for (const host of hosts) {
    results.push({ host, ...(await runIn(host, setup)) });
    await teardown();
    tearingDown = server = browser = tmp = undefined;
  }
  const passed = results.reduce((sum, r) => sum + r.passed, 0);
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  if (results.length > 1) for (const r of results) console.log(`${HOSTS[r.host]}: ${r.passed} passed, ${r.failed} failed`);
  for (const m of metrics) console.log(`${m.name} (${HOSTS[m.host]}, a fresh VS Code): ${m.ms} ms`);
  if (passed === 0 && failed === 0) console.error('ERROR: no test ran');
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

/** Runs the suite in one extension host of a fresh code-server; returns its counts. */
async function runIn(host, setup) {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lts-vscode-'));
  const extensionsDir = path.join(tmp, 'ext');
  const workspace = stageWorkspace(tmp);
  let eventsFile;
  if (host === 'web') {
    // A web-only copy of the extension (no `main`), and the harness that runs the bundled suite in the web worker
    // host; they talk through files in the workspace, which the web worker reaches through vscode.workspace.fs.
    stageExtension(path.resolve(options.extension), extensionsDir, { webOnly: true });
    stageWebHarness(extensionsDir, webHarness);
    const dir = path.join(workspace, '.lts-test');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ ...(options.grep ? { grep: options.grep } : {}) }));
    eventsFile = path.join(dir, 'events.jsonl');
  } else {
    stageExtension(path.resolve(options.extension), extensionsDir);
    stageHarness(extensionsDir);
    eventsFile = path.join(tmp, 'events.jsonl');
  }
  fs.writeFileSync(eventsFile, '');
  if (options.locale) stageLocale(tmp, options.locale);
  if (screenshotDir) fs.mkdirSync(screenshotDir, { recursive: true });

  const port = await freePort();
  server = startCodeServer({
    setup,
    tmp,
    port,
    workspace,
    // The suite checks what the features show, on a machine that may be busy: a stalled thread must not push a small
    // file past the analysis time limit. The robustness suite sets its own, small limit to test exactly that.
    settings: { 'ltsStatus.analysis.timeLimit': 20000 },
    ...(options.locale ? { locale: options.locale } : {}),
    env: host === 'web' ? {} : {
      LTS_TEST_ENTRY: entry,
      LTS_TEST_EVENTS: eventsFile,
      ...(options.grep ? { LTS_TEST_GREP: options.grep } : {}),
      ...(screenshotDir ? { LTS_SCREENSHOT_DIR: screenshotDir } : {}),
    },
  });
  let serverExit;
  server.exited.then((code) => (serverExit = code));
  await waitForHttp(server, SERVER_START_TIMEOUT_MS);

  browser = await chromium.launch({
    executablePath: setup.CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    // teardown() closes the browser; Playwright's own signal handlers would exit first.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  // vscode.env.clipboard is the browser's clipboard here: without these permissions its
  // calls wait forever for a permission prompt that headless Chromium never shows.
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = await context.newPage();
  // The browser's console (the web worker extension host logs there), for error reports.
  const browserLog = path.join(tmp, 'browser.log');
  page.on('console', (message) => fs.appendFileSync(browserLog, `[${message.type()}] ${message.text()}\n`));
  page.on('pageerror', (error) => fs.appendFileSync(browserLog, `[pageerror] ${error.stack ?? error.message}\n`));
  page.on('worker', (worker) => worker.on('console', (message) => fs.appendFileSync(browserLog, `[worker ${message.type()}] ${message.text()}\n`)));
  page.on('response', (response) => {
    if (response.status() >= 400) fs.appendFileSync(browserLog, `[http ${response.status()}] ${response.url()}\n`);
  });
  let pageCrashed = false;
  page.on('crash', () => (pageCrashed = true));
  // A busy machine (other suites, builds) can take longer than the default 30 s to serve the workbench.
  await page.goto(server.url, { timeout: 120_000 });
  const openedAt = Date.now();

  // Tail the events file. The extension host adds whole lines, but a read may still
  // end inside one: keep the unfinished rest for the next read.
  let offset = 0;
  let pending = '';
  let started = false;
  let lastEventAt = Date.now();
  let quietReported = false;
  while (true) {
    const size = fs.statSync(eventsFile).size;
    if (started && !quietReported && Date.now() - lastEventAt > QUIET_REPORT_MS) {
      // A test that hangs says nothing until its timeout: say what the workbench shows meanwhile (a modal dialog
      // that nobody answers, a notification).
      quietReported = true;
      console.log(`  … no test event for ${QUIET_REPORT_MS / 1000} s; the workbench shows:`);
      await reportWorkbench(page, '      ');
    }
    if (size > offset) {
      lastEventAt = Date.now();
      quietReported = false;
      const chunk = Buffer.alloc(size - offset);
      const fd = fs.openSync(eventsFile, 'r');
      fs.readSync(fd, chunk, 0, chunk.length, offset);
      fs.closeSync(fd);
      offset = size;
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop();
      for (const line of lines.filter(Boolean)) {
        const event = JSON.parse(line);
        switch (event.event) {
          case 'start':
            started = true;
            console.log(`VS Code ${event.vscode} (code-server ${setup.CODE_SERVER_VERSION}), ${event.host ?? HOSTS[host]}: ${event.total} tests`);
            break;
          case 'pass':
            console.log(`  ✓ ${event.title} (${event.ms} ms)`);
            break;
          case 'fail':
            console.log(`  ✗ ${event.title}\n${indent(event.error, '      ')}`);
            await reportWorkbench(page, '      ');
            break;
          case 'pending':
            console.log(`  - ${event.title} (skipped)`);
            break;
          case 'note':
            console.log(`    ${event.text}`);
            break;
          case 'metric':
            console.log(`  ⏱ ${event.name}: ${event.ms} ms (a benchmark figure, not a test)`);
            metrics.push({ host, name: event.name, ms: event.ms });
            break;
          case 'screenshot':
            await takeScreenshot(page, event.name, event.around);
            break;
          case 'error':
            throw new RunError(`the suite could not run:\n${indent(event.error, '  ')}`);
          case 'end':
            if (event.pending > 0) console.log(`${event.pending} skipped`);
            console.log(`${HOSTS[host]}: ${event.passed} passing, ${event.failed} failing`);
            return { passed: event.passed, failed: event.failed };
        }
      }
    }
    if (serverExit !== undefined) throw new RunError(`code-server exited (${serverExit}) while the suite ran`);
    if (pageCrashed) throw new RunError('the workbench page crashed');
    if (!started && Date.now() - openedAt > SUITE_START_TIMEOUT_MS) {
      throw new RunError(`the suite did not start in the ${HOSTS[host]} within ${SUITE_START_TIMEOUT_MS / 1000} s of opening the workbench (did the extensions load?)`);
    }
    if (Date.now() - openedAt > totalTimeoutMs) {
      throw new RunError(`the suite did not end within ${totalTimeoutMs / 1000} s (--timeout)`);
    }
    await sleep(POLL_MS);
  }
}

/**
 * Screenshot of the workbench to <dir>/<name>.png, written whole (tests wait for that file). `around` (CSS selectors)
 * crops it to the box around the visible elements they match, with a margin; the whole window when none is visible.
 */
async function takeScreenshot(page, name, around = []) {
  const file = path.join(screenshotDir, `${name}.png`);
  const partial = path.join(screenshotDir, `.${name}.partial.png`);
  await sleep(SCREENSHOT_SETTLE_MS);
  const clip = around.length > 0 ? await cropBox(page, around) : undefined;
  await page.screenshot({ path: partial, type: 'png', ...(clip ? { clip } : {}) });
  fs.renameSync(partial, file);
  console.log(`  📷 ${file}`);
}

/** The box around the visible elements that `selectors` match, with a margin, within the viewport. */
async function cropBox(page, selectors) {
  const margin = 16;
  const viewport = page.viewportSize();
  const boxes = await page.evaluate((list) => list.flatMap((selector) => [...document.querySelectorAll(selector)])
    .map((element) => element.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0)
    .map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom })), selectors);
  const visible = boxes.filter((b) => b.right > 0 && b.bottom > 0 && b.left < viewport.width && b.top < viewport.height);
  if (visible.length === 0) {
    console.log(`  (screenshot: nothing of ${selectors.join(', ')} is visible; the whole window is taken)`);
    return undefined;
  }
  const x = Math.max(0, Math.floor(Math.min(...visible.map((b) => b.left)) - margin));
  const y = Math.max(0, Math.floor(Math.min(...visible.map((b) => b.top)) - margin));
  const right = Math.min(viewport.width, Math.ceil(Math.max(...visible.map((b) => b.right)) + margin));
  const bottom = Math.min(viewport.height, Math.ceil(Math.max(...visible.map((b) => b.bottom)) + margin));
  return { x, y, width: right - x, height: bottom - y };
}

/**
 * Prints the workbench's open dialogs and notifications: a test that hangs on a modal dialog (a prompt to save a
 * modified document, say) names it. Never fails the run.
 */
async function reportWorkbench(page, prefix) {
  try {
    const shown = await page.evaluate(() => {
      const texts = (selector) => [...document.querySelectorAll(selector)]
        .map((element) => element.textContent.replace(/\s+/g, ' ').trim()).filter(Boolean);
      return { dialogs: texts('.monaco-dialog-box'), notifications: texts('.notification-toast, .notifications-center .notification-list-item') };
    });
    if (shown.dialogs.length === 0 && shown.notifications.length === 0) console.log(`${prefix}(no dialog, no notification)`);
    for (const dialog of shown.dialogs) console.log(`${prefix}dialog: ${dialog}`);
    for (const notification of shown.notifications) console.log(`${prefix}notification: ${notification}`);
  } catch (error) {
    console.log(`${prefix}(the workbench could not be read: ${error instanceof Error ? error.message : error})`);
  }
}

function indent(text, prefix) {
  return String(text).split('\n').map((line) => prefix + line).join('\n');
}

let exitCode;
try {
  exitCode = await main();
} catch (err) {
  if (!interrupted) {
    console.error(`ERROR: ${err instanceof RunError ? err.message : err.stack}`);
    if (server) console.error(`${serverLogs(server)}\n--- browser console, last lines ---\n${logTail(path.join(tmp, 'browser.log'))}\n(--keep keeps the whole logs)`);
  }
  exitCode = 1;
}
await teardown();
process.exit(interrupted ?? exitCode);
