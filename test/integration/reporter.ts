// The mocha reporter both entries use: the run as TestEvent lines. Takes mocha's Base reporter and constants as
// arguments, because the Node entry gets them from the mocha package and the web entry from mocha's browser build.
import type * as MochaTypes from 'mocha';
import * as vscode from 'vscode';
import { appendEvent } from './events';

type BaseReporter = typeof MochaTypes.reporters.Base;
type RunnerConstants = typeof MochaTypes.Runner.constants;

export function describeError(err: unknown): string {
  if (!(err instanceof Error)) {
    return String(err);
  }
  const stack = err.stack ?? '';
  return stack.includes(err.message) ? stack : `${err.message}\n${stack}`;
}

/** A reporter class that reports to the event sink; `host` names the extension host in the start event. */
export function eventsReporter(Base: BaseReporter, constants: RunnerConstants, host: string): typeof MochaTypes.reporters.Base {
  return class EventsReporter extends Base {
    constructor(runner: MochaTypes.Runner, options?: MochaTypes.MochaOptions) {
      super(runner, options);
      const { EVENT_RUN_BEGIN, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_RUN_END } = constants;
      runner.on(EVENT_RUN_BEGIN, () => appendEvent({ event: 'start', vscode: vscode.version, total: runner.total, host }));
      runner.on(EVENT_TEST_PASS, (test) => appendEvent({ event: 'pass', title: test.fullTitle(), ms: test.duration ?? 0 }));
      // Also emitted for failing hooks, whose title names the hook.
      runner.on(EVENT_TEST_FAIL, (test, err) => appendEvent({ event: 'fail', title: test.fullTitle(), error: describeError(err) }));
      runner.on(EVENT_TEST_PENDING, (test) => appendEvent({ event: 'pending', title: test.fullTitle() }));
      runner.on(EVENT_RUN_END, () => {
        const stats = runner.stats;
        appendEvent({ event: 'end', passed: stats?.passes ?? 0, failed: stats?.failures ?? 0, pending: stats?.pending ?? 0 });
      });
    }
  };
}
