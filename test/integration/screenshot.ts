import { eventSink } from './events';

/**
 * Parts of the workbench a picture can be cropped to (CSS selectors of VS Code's DOM; the runner crops to the box
 * around the visible elements they match, with a margin, and takes the whole window when none is visible).
 */
export const AREA = {
  /** The hover widget. */
  hover: '.monaco-hover',
  /** The line of the cursor in the focused editor, line number included: a widget is shown with its code. */
  currentLine: '.part.editor .monaco-editor.focused .current-line',
  /** The suggest widget and its details. */
  suggest: '.suggest-widget',
  suggestDetails: '.suggest-details-container',
  /** The Quick Pick (also the Command Palette). */
  quickInput: '.quick-input-widget',
  /** The panel's title (its tabs: Problems, Output…) and the rows of its list. */
  panelTitle: '.part.panel > .title',
  panelRows: '.part.panel .monaco-list-row',
  /** The side bar's title and the rows of its lists (the Explorer and its views). */
  sideBarTitle: '.part.sidebar > .title',
  sideBarRows: '.part.sidebar .monaco-list-row',
} as const;

/** Whether the runner takes pictures in this run (--screenshots): arrange the workbench for them only then. */
export function screenshotsRequested(): boolean {
  return eventSink()?.screenshot !== undefined;
}

/**
 * Asks the runner (test/vscode-server/run-tests.mjs --screenshots <dir>) to screenshot the workbench as it is now,
 * and waits until the picture is written. Arrange the editor first. Does nothing unless screenshots were requested.
 * `around`: crop to these parts (AREA) rather than take the whole window, to keep the README's images small.
 */
export async function requestScreenshot(name: string, around?: readonly string[]): Promise<void> {
  const sink = eventSink();
  if (!sink?.screenshot) return;
  if (!/^[\w.-]+$/.test(name)) {
    throw new Error(`screenshot name must be a plain file name (letters, digits, . _ -): ${name}`);
  }
  await sink.screenshot(name, around);
}
