// Progress events for test/vscode-server/run-tests.mjs, which reads them as JSON lines while the suite runs inside
// an extension host. Where they go depends on the host: the Node entry (index.ts) appends them to the file named by
// LTS_TEST_EVENTS; the web entry (web.ts) writes them through vscode.workspace.fs.

export type TestEvent =
  | { event: 'start'; vscode: string; total: number; host: string }
  | { event: 'pass'; title: string; ms: number }
  | { event: 'fail'; title: string; error: string }
  | { event: 'pending'; title: string }
  | { event: 'end'; passed: number; failed: number; pending: number }
  | { event: 'screenshot'; name: string; around?: readonly string[] }
  /** A benchmark figure measured inside VS Code; the runner prints it, it is never a pass/fail condition. */
  | { event: 'metric'; name: string; ms: number }
  /** A line of context for the figures (what the engine logged); the runner prints it. */
  | { event: 'note'; text: string };

export interface EventSink {
  append(event: TestEvent): void;
  /** Asks the runner for a screenshot and waits until it is written; absent when none were requested. */
  screenshot?(name: string, around?: readonly string[]): Promise<void>;
}

// Each test file is bundled on its own, each with a copy of this module: the sink lives on the global object, so the
// entry that sets it and the tests that use it share one.
const SINK = Symbol.for('lts-status-codes.test-events');
const global = globalThis as { [SINK]?: EventSink };

export function setEventSink(value: EventSink | undefined): void {
  global[SINK] = value;
}

export function eventSink(): EventSink | undefined {
  return global[SINK];
}

export function appendEvent(event: TestEvent): void {
  global[SINK]?.append(event);
}
