// Checks the installed extension's page in a real VS Code (code-server): installs the VSIX the way a user does
// (`--install-extension`), opens the workbench in headless Chromium, opens the extension's details page (command
// the Extensions view's list of installed extensions, opened by the test harness extension, and a click) and reports every image of the README as the page shows it:
// loaded (with its size) or broken. Saves a screenshot of the page.
//
// Usage: npm run package && node test/vscode-server/extension-page.mjs [--vsix lts-status-codes.vsix]
//        [--screenshot <file.png>] [--keep]
//        LTS_IMAGES_URL=https://127.0.0.1:8443/ npm run package && node test/vscode-server/extension-page.mjs --serve-https 8443
// Exit code 0 when the README's images all render, 1 otherwise.
//
// What it found (VS Code 1.139): the page drops every image source that is not http(s) — relative paths (kept in the
// VSIX by --no-rewrite-relative-links), data: URIs and files of the extension alike, leaving the alt text — and its
// Content-Security-Policy allows https: images. So the images render only from an https address:
// `LTS_IMAGES_URL=<https base> npm run package` writes them so (vsce --baseImagesUrl). --serve-https <port> proves
// it offline: it serves the repository's media/ at https://127.0.0.1:<port>/media/ with a throw-away self-signed
// certificate, which this script's browser is told to accept.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { freePort, repoRoot, RunError, runSetup, sleep, stageHarness, startCodeServer, waitForHttp } from './server.mjs';

const { values: options } = parseArgs({
  options: {
    vsix: { type: 'string', default: path.join(repoRoot, 'lts-status-codes.vsix') },
    screenshot: { type: 'string', default: path.join(os.tmpdir(), 'lts-extension-page.png') },
    keep: { type: 'boolean', default: false },
    'serve-https': { type: 'string' },
  },
});
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const extensionId = `${manifest.publisher}.${manifest.name}`;
const readmeImages = [...fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8').matchAll(/!\[([^\]]*)\]\(([^)]+)\)/g)];
const expected = readmeImages.map((m) => m[2]);
const readmeAlts = readmeImages.map((m) => m[1]);
const PAGE_TIMEOUT_MS = 60_000;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lts-page-'));
let server;
let browser;
let imageServer;
let exitCode = 1;
try {
  if (!fs.existsSync(options.vsix)) throw new RunError(`${options.vsix} does not exist: run \`npm run package\` first`);
  const setup = runSetup();
  if (options['serve-https']) imageServer = await serveMedia(Number(options['serve-https']));
  const extensionsDir = path.join(tmp, 'ext');
  const install = spawnSync(setup.NODE24, [
    setup.CODE_SERVER_ENTRY, '--extensions-dir', extensionsDir, '--user-data-dir', path.join(tmp, 'ud'),
    '--install-extension', path.resolve(options.vsix),
  ], { encoding: 'utf8', env: { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'), XDG_DATA_HOME: path.join(tmp, 'xdg-data') } });
  console.log(install.stdout.trim());
  if (install.status !== 0) throw new RunError(`--install-extension failed:\n${install.stderr}`);

  // The harness runs this entry in the extension host: it opens the extension's page. VS Code loads what
  // extensions.json lists once it exists (the install wrote it), so the harness is registered there too.
  stageHarness(extensionsDir);
  const registry = path.join(extensionsDir, 'extensions.json');
  const harnessDir = path.join(extensionsDir, 'lts-test.harness-0.0.1');
  fs.writeFileSync(registry, JSON.stringify([...JSON.parse(fs.readFileSync(registry, 'utf8')), {
    identifier: { id: 'lts-test.harness' },
    version: '0.0.1',
    location: { $mid: 1, fsPath: harnessDir, external: `file://${harnessDir}`, path: harnessDir, scheme: 'file' },
    relativeLocation: 'lts-test.harness-0.0.1',
  }]));
  const entry = path.join(tmp, 'open-page.js');
  fs.writeFileSync(entry, `exports.run = async () => {
  const vscode = require('vscode');
  // (extension.open asks the Marketplace first, which these machines cannot reach; the list of installed
  // extensions is local, and the page opens from it as a user opens it: with a click.)
  // Right after start-up the Extensions view's command may not be registered yet.
  for (let tries = 0; ; tries++) {
    try {
      await vscode.commands.executeCommand('workbench.view.extensions');
      break;
    } catch (err) {
      if (tries > 60) throw err;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  require('fs').appendFileSync(process.env.LTS_TEST_EVENTS, JSON.stringify({ event: 'opened' }) + '\\n');
};\n`);
  const events = path.join(tmp, 'events.jsonl');
  fs.writeFileSync(events, '');
  const workspace = path.join(tmp, 'workspace');
  fs.mkdirSync(workspace);
  const port = await freePort();
  server = startCodeServer({ setup, tmp, port, workspace, env: { LTS_TEST_ENTRY: entry, LTS_TEST_EVENTS: events } });
  await waitForHttp(server, 60_000);
  browser = await chromium.launch({
    executablePath: setup.CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', ...(imageServer ? ['--ignore-certificate-errors'] : [])],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
  await page.goto(server.url, { timeout: 120_000 });

  const deadline = Date.now() + PAGE_TIMEOUT_MS;
  while (!fs.readFileSync(events, 'utf8').includes('"opened"')) {
    if (fs.readFileSync(events, 'utf8').includes('"error"')) throw new RunError(`the harness failed: ${fs.readFileSync(events, 'utf8')}`);
    if (Date.now() > deadline) throw new RunError('the Extensions view did not open');
    await sleep(300);
  }
  await page.locator('.extensions-viewlet .extension-list-item', { hasText: 'LTS Status Codes' }).first().click({ timeout: PAGE_TIMEOUT_MS });
  const images = async () => (await Promise.all(page.frames().map((frame) => frame.evaluate(() => [...document.images].map((img) => ({
    src: img.currentSrc || img.src, alt: img.alt, loaded: img.complete && img.naturalWidth > 0, width: img.naturalWidth, height: img.naturalHeight,
  }))).catch(() => [])))).flat();
  const ours = (all) => all.filter((img) => expected.some((src) => img.src?.includes(src) || img.alt && readmeAlts.includes(img.alt)));
  let found = [];
  while (Date.now() < deadline) {
    const text = fs.readFileSync(events, 'utf8');
    if (text.includes('"error"')) throw new RunError(`the harness failed: ${text}`);
    found = ours(await images());
    if (found.length >= expected.length && found.every((img) => img.loaded)) break;
    await sleep(500);
  }
  await sleep(500);
  await page.screenshot({ path: options.screenshot });
  // A second picture further down the page, with the view's and the lookup's images.
  const scrolled = options.screenshot.replace(/\.png$/, '') + '-scrolled.png';
  await Promise.all(page.frames().map((frame) => frame.evaluate(() => document.querySelector('img[src*="media/completion.png"], img[alt^="Completion"]')?.scrollIntoView()).catch(() => {})));
  await sleep(500);
  await page.screenshot({ path: scrolled });
  console.log(`Extension page of ${extensionId} (installed from ${path.relative(process.cwd(), options.vsix)}), screenshots ${options.screenshot} and ${scrolled}:`);
  for (const src of expected) {
    const img = found.find((i) => i.src.includes(src) || i.alt === readmeAlts[expected.indexOf(src)]);
    console.log(`  ${img?.loaded ? '✓' : '✗'} ${src}: ${img ? (img.loaded ? `rendered, ${img.width}×${img.height} (src ${img.src})` : `broken, the page shows its alt text (src ${img.src})`) : 'not on the page'}`);
  }
  exitCode = expected.every((src) => found.find((i) => i.src.includes(src))?.loaded) ? 0 : 1;
  if (exitCode !== 0) console.log(`Images on the page: ${JSON.stringify(await images(), null, 1)}`);
} catch (err) {
  console.error(`ERROR: ${err instanceof RunError ? err.message : err.stack}`);
} finally {
  await browser?.close().catch(() => {});
  await server?.stop();
  imageServer?.close();
  if (options.keep) console.log(`Kept ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(exitCode);

/** Serves the repository's media/ over https on 127.0.0.1:<port>, with a self-signed certificate made for the run. */
async function serveMedia(port) {
  const key = path.join(tmp, 'key.pem');
  const cert = path.join(tmp, 'cert.pem');
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { encoding: 'utf8' });
  if (made.status !== 0) throw new RunError(`openssl could not make a certificate: ${made.stderr}`);
  const media = path.join(repoRoot, 'media');
  const httpsServer = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (req, res) => {
    const name = decodeURIComponent(new URL(req.url, 'https://x').pathname).replace(/^\/media\//, '');
    const file = path.join(media, name);
    if (!/^[\w.-]+\.png$/.test(name) || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' }).end(fs.readFileSync(file));
  });
  await new Promise((resolve, reject) => httpsServer.once('error', reject).listen(port, '127.0.0.1', resolve));
  console.log(`Serving media/ at https://127.0.0.1:${port}/media/`);
  return httpsServer;
}
