// Entry of the integration suite inside the VS Code extension host. Loaded either by
// @vscode/test-electron (--extensionTestsPath, see runTest.ts) or by the harness
// extension of test/vscode-server/run-tests.mjs; both call run().
//
// Bundled to out/test/integration/index.js; the test files are bundled separately to
// out/test/integration/*.test.js, next to it.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { appendEvent, eventsFile } from './events';

/** Mocha reporter that turns the run into LTS_TEST_EVENTS lines for run-tests.mjs. */
class EventsReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const { EVENT_RUN_BEGIN, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_RUN_END } =
      Mocha.Runner.constants;
    runner.on(EVENT_RUN_BEGIN, () => appendEvent({ event: 'start', vscode: vscode.version, total: runner.total }));
    runner.on(EVENT_TEST_PASS, (test) => appendEvent({ event: 'pass', title: test.fullTitle(), ms: test.duration ?? 0 }));
    // Also emitted for failing hooks, whose title names the hook.
    runner.on(EVENT_TEST_FAIL, (test, err) => appendEvent({ event: 'fail', title: test.fullTitle(), error: describeError(err) }));
    runner.on(EVENT_TEST_PENDING, (test) => appendEvent({ event: 'pending', title: test.fullTitle() }));
    runner.on(EVENT_RUN_END, () => {
      const stats = runner.stats;
      appendEvent({ event: 'end', passed: stats?.passes ?? 0, failed: stats?.failures ?? 0, pending: stats?.pending ?? 0 });
    });
  }
}

function describeError(err: unknown): string {
  if (!(err instanceof Error)) {
    return String(err);
  }
  const stack = err.stack ?? '';
  return stack.includes(err.message) ? stack : `${err.message}\n${stack}`;
}

/** Runs every *.test.js next to this file; rejects when a test fails. */
export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    // Catches a hang only: a test waits for the extension (grammar compilation included) on a possibly busy machine.
    timeout: 60_000,
    color: false,
    reporter: eventsFile ? EventsReporter : 'spec',
    grep: process.env.LTS_TEST_GREP || undefined,
  });
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}
