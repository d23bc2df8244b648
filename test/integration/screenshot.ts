import { eventSink } from './events';

/**
 * Asks the runner (test/vscode-server/run-tests.mjs --screenshots <dir>) to screenshot the workbench as it is now,
 * and waits until the picture is written. Arrange the editor first. Does nothing unless screenshots were requested.
 */
export async function requestScreenshot(name: string): Promise<void> {
  const sink = eventSink();
  if (!sink?.screenshot) return;
  if (!/^[\w.-]+$/.test(name)) {
    throw new Error(`screenshot name must be a plain file name (letters, digits, . _ -): ${name}`);
  }
  await sink.screenshot(name);
}
