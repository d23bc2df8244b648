// Progress events for test/vscode-server/run-tests.mjs, which reads them as JSON lines
// from the file named by LTS_TEST_EVENTS while the suite runs inside the extension host.
import * as fs from 'fs';

export type TestEvent =
  | { event: 'start'; vscode: string; total: number }
  | { event: 'pass'; title: string; ms: number }
  | { event: 'fail'; title: string; error: string }
  | { event: 'pending'; title: string }
  | { event: 'end'; passed: number; failed: number; pending: number }
  | { event: 'screenshot'; name: string };

/** The events file, or undefined when the suite runs outside run-tests.mjs. */
export const eventsFile: string | undefined = process.env.LTS_TEST_EVENTS || undefined;

export function appendEvent(event: TestEvent): void {
  if (eventsFile) {
    fs.appendFileSync(eventsFile, JSON.stringify(event) + '\n');
  }
}
