// Entry of the integration suite inside the Node.js extension host. Loaded either by @vscode/test-electron
// (--extensionTestsPath, see runTest.ts) or by the harness extension of test/vscode-server/run-tests.mjs; both call
// run(). The web worker extension host has its own entry, web.ts.
//
// Bundled to out/test/integration/index.js; the test files are bundled separately to
// out/test/integration/*.test.js, next to it.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import { setEventSink } from './events';
import { eventsReporter } from './reporter';

/** How long a test waits for the runner's screenshot before it fails. */
const SCREENSHOT_TIMEOUT_MS = 30_000;

/** Events go to the LTS_TEST_EVENTS file; screenshots are asked for there and appear in LTS_SCREENSHOT_DIR. */
function fileSink(eventsFile: string): void {
  const dir = process.env.LTS_SCREENSHOT_DIR;
  const append = (event: object) => fs.appendFileSync(eventsFile, JSON.stringify(event) + '\n');
  setEventSink({
    append,
    screenshot: dir ? async (name, around) => {
      const file = path.join(dir, `${name}.png`);
      // A picture left from an earlier run must not pass for the new one.
      fs.rmSync(file, { force: true });
      append({ event: 'screenshot', name, ...(around ? { around } : {}) });
      const deadline = Date.now() + SCREENSHOT_TIMEOUT_MS;
      while (!fs.existsSync(file)) {
        if (Date.now() > deadline) throw new Error(`screenshot ${file} was not written within ${SCREENSHOT_TIMEOUT_MS / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } : undefined,
  });
}

/** Runs every *.test.js next to this file; rejects when a test fails. */
export async function run(): Promise<void> {
  const eventsFile = process.env.LTS_TEST_EVENTS;
  if (eventsFile) fileSink(eventsFile);
  const mocha = new Mocha({
    ui: 'tdd',
    // Catches a hang only: a test waits for the extension (grammar compilation included) on a possibly busy machine.
    timeout: 60_000,
    color: false,
    reporter: eventsFile ? eventsReporter(Mocha.reporters.Base, Mocha.Runner.constants, 'Node.js extension host') : 'spec',
    grep: process.env.LTS_TEST_GREP || undefined,
  });
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}
