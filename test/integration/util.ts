/** Helpers for the integration suite: open fixture documents, find text, wait for asynchronous editor state. */
import * as assert from 'assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'lts-status.lts-status-codes';

export function workspaceUri(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

export async function open(...parts: string[]): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(...parts));
  return vscode.window.showTextDocument(document);
}

/** Position of the `index`-th occurrence of `needle`, plus `offset` characters. */
export function positionOf(document: vscode.TextDocument, needle: string, offset = 0, index = 0): vscode.Position {
  const text = document.getText();
  let at = -1;
  for (let i = 0; i <= index; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (#${i}) in ${document.uri.path}`);
  }
  return document.positionAt(at + offset);
}

/**
 * Polls `probe` until it returns a value. The limit only catches a hang: it is generous because a busy 2-core machine
 * can take seconds to compile a grammar; no test asserts how fast anything happens (that is `npm run bench`'s job).
 */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/**
 * Awaits one step of a test and names it if it does not finish within `timeoutMs`: a hang then says where it was
 * (the test's own timeout only says that the test ran long).
 */
export async function step<T>(what: string, work: Thenable<T>, timeoutMs = 60_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer after ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    return await Promise.race([Promise.resolve(work), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Closes every editor without a prompt. `workbench.action.closeAllEditors` asks in a modal dialog whether to save a
 * modified untitled document, and nobody answers it in a test run: a test that left one behind (seen: "Do you want to
 * save the changes you made to Untitled-1?") hung the clean-up of every later test. Modified documents are reverted
 * first, and named on the console so that the test that left one can be found. Both are named steps.
 */
/**
 * Closes a test's own document without saving it: shows it first, since the revert command acts on the active editor,
 * which on a busy machine is not always the one a test opened last. An untitled document with content is modified
 * from the start; left open, it makes a later "close all editors" wait on a save dialog.
 */
export async function closeDocument(document: vscode.TextDocument): Promise<void> {
  if (document.isClosed) return;
  await step(`closing ${document.uri.toString()}`, vscode.window.showTextDocument(document, { preview: false, preserveFocus: false })
    .then(() => vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor')));
  // Until the extension host knows it is closed: a new untitled document may take the same name (Untitled-1), and
  // opening it before then hands back this one, content and all.
  for (let waited = 0; !document.isClosed && waited < 10_000; waited += 50) await sleep(50);
  if (!document.isClosed) console.warn(`[lts-test] ${document.uri.toString()} is still open after closing it${document.isDirty ? ', modified' : ''}`);
}

export async function closeAllEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty && !d.isClosed)) {
    console.warn(`[lts-test] reverting ${document.uri.toString()}, left modified before closing all editors`);
    await step(`reverting ${document.uri.toString()}`, vscode.window.showTextDocument(document)
      .then(() => vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor')));
  }
  await step('closing all editors', vscode.commands.executeCommand('workbench.action.closeAllEditors'));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((hover) => hover.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n---\n');
}

export async function hoversAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.Hover[]> {
  return (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
}

/**
 * Our hovers only (other extensions, such as TypeScript's, may add their own): those that hold `marker` (in another
 * display language, pass `LTS`).
 */
export async function ltsHoverAt(uri: vscode.Uri, position: vscode.Position, marker = 'LTS status code'): Promise<string> {
  return hoverText((await hoversAt(uri, position)).filter((h) => hoverText([h]).includes(marker)));
}

export async function inlayHints(uri: vscode.Uri, range: vscode.Range): Promise<vscode.InlayHint[]> {
  return (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', uri, range)) ?? [];
}

export function labelText(hint: vscode.InlayHint): string {
  return typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('');
}

export function ltsDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'LTS');
}

/** Sets a setting in the workspace and waits for VS Code to apply it. */
export async function setSetting(key: string, value: unknown, section = 'ltsStatus'): Promise<void> {
  await vscode.workspace.getConfiguration(section).update(key, value, vscode.ConfigurationTarget.Workspace);
  await waitFor(`${section}.${key} = ${JSON.stringify(value)}`, () =>
    JSON.stringify(vscode.workspace.getConfiguration(section).inspect(key)?.workspaceValue) === JSON.stringify(value) ? true : undefined);
}

/**
 * Accepts the selected Quick Pick item (and clears any notification) until the command that opened the Quick Pick
 * settles, and returns its result.
 * The Quick Pick may take a while to appear on a busy machine; accepting before it is shown does nothing, so this
 * retries rather than guessing a delay.
 */
export async function acceptQuickPick<T>(running: Thenable<T>, timeoutMs = 30_000): Promise<T> {
  let settled = false;
  const result = Promise.resolve(running).finally(() => { settled = true; });
  const deadline = Date.now() + timeoutMs;
  while (!settled) {
    if (Date.now() > deadline) throw new Error('the Quick Pick command did not finish');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    // A notification left by an earlier test must not cover the Quick Pick.
    await vscode.commands.executeCommand('notifications.clearAll');
    await Promise.race([result.catch(() => undefined), sleep(250)]);
  }
  return result;
}
