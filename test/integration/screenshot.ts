import * as fs from 'fs';
import * as path from 'path';
import { appendEvent, eventsFile } from './events';

const SCREENSHOT_TIMEOUT_MS = 30_000;
const POLL_MS = 100;

/**
 * Asks the runner (test/vscode-server/run-tests.mjs --screenshots <dir>) to screenshot
 * the workbench as it is now, and waits until `<dir>/<name>.png` is written. Arrange the
 * editor first. Does nothing unless screenshots were requested (LTS_SCREENSHOT_DIR set).
 */
export async function requestScreenshot(name: string): Promise<void> {
  const dir = process.env.LTS_SCREENSHOT_DIR;
  if (!dir || !eventsFile) {
    return;
  }
  if (!/^[\w.-]+$/.test(name)) {
    throw new Error(`screenshot name must be a plain file name (letters, digits, . _ -): ${name}`);
  }
  const file = path.join(dir, `${name}.png`);
  // A picture left from an earlier run must not pass for the new one.
  fs.rmSync(file, { force: true });
  appendEvent({ event: 'screenshot', name });
  const deadline = Date.now() + SCREENSHOT_TIMEOUT_MS;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) {
      throw new Error(`screenshot ${file} was not written within ${SCREENSHOT_TIMEOUT_MS / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
