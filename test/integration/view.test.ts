/** The "LTS Status Codes" view in the Explorer, and the lookup showing its pick there. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { LtsStatusApi } from '../../src/vscode/services';
import { AREA, requestScreenshot, screenshotsRequested } from './screenshot';
import { acceptQuickPick, closeDocument, EXTENSION_ID, ltsDiagnostics, open, sleep, waitFor, workspaceUri } from './util';

async function api(): Promise<LtsStatusApi> {
  await open('src', 'handlers.js');
  return vscode.extensions.getExtension<LtsStatusApi>(EXTENSION_ID)!.activate();
}

/**
 * The picture of the view: for a moment the Explorer's other views are hidden (Outline, Timeline) or moved to the
 * Search container (the folder, which cannot be hidden), and the side bar is wider, so that the view shows whole.
 */
async function pictureOfTheView(): Promise<void> {
  const hidden: string[] = [];
  for (const view of ['outline', 'timeline']) {
    if (await vscode.commands.executeCommand(`${view}.toggleVisibility`).then(() => true, () => false)) hidden.push(view);
  }
  const moveFolderView = (destinationId: string) => vscode.commands.executeCommand('vscode.moveViews', { viewIds: ['workbench.explorer.fileView'], destinationId });
  const moved = await moveFolderView('workbench.view.search').then(() => true, () => false);
  try {
    await vscode.commands.executeCommand('ltsStatus.codes.focus');
    // A wider side bar, so that the descriptions show.
    for (let i = 0; i < WIDER; i++) await vscode.commands.executeCommand('workbench.action.increaseViewSize');
    await sleep(800);
    await requestScreenshot('table-view', [AREA.sideBarTitle, AREA.sideBarRows]);
  } finally {
    await vscode.commands.executeCommand('ltsStatus.codes.focus');
    for (let i = 0; i < WIDER; i++) await vscode.commands.executeCommand('workbench.action.decreaseViewSize');
    if (moved) await moveFolderView('workbench.view.explorer');
    for (const view of hidden) await vscode.commands.executeCommand(`${view}.toggleVisibility`);
    await vscode.commands.executeCommand('ltsStatus.codes.focus');
  }
}

/** Steps of workbench.action.increaseViewSize that widen the side bar for the picture. */
const WIDER = 5;

suite('status codes view', () => {
  test('lists the eleven codes grouped by class, each with its description, and the LTS error codes under them', async () => {
    const { codesView } = await api();
    await vscode.commands.executeCommand('ltsStatus.codes.focus');
    // (What an earlier lookup left under "Looked up" comes first.)
    const all = codesView();
    const rows = all.slice(all.findIndex((row) => row.depth === 0 && row.label === 'Success (2xx)'));
    assert.deepStrictEqual(rows.filter((row) => row.depth === 0).map((row) => row.label), ['Success (2xx)', 'Client error (4xx)', 'Server error (5xx)']);
    const codes = rows.filter((row) => row.depth === 1);
    assert.deepStrictEqual(codes.map((row) => row.label.split(' ')[0]), ['200', '201', '204', '400', '401', '403', '404', '408', '429', '500', '503']);
    assert.strictEqual(codes.find((row) => row.label.startsWith('429'))!.description, 'The number of requests exceeds the upper limit.');
    assert.ok(rows.some((row) => row.depth === 2 && row.label === 'LTS.0205'), 'error codes under their status');
    if (screenshotsRequested()) await pictureOfTheView();
  });

  test('the lookup shows its pick in the view, where it stays; a code the table lacks under "Looked up"', async () => {
    const { codesView } = await api();
    const result = await acceptQuickPick(vscode.commands.executeCommand<{ code: number } | undefined>('ltsStatus.lookup', { query: '409' }));
    assert.deepStrictEqual(result, { code: 409 });
    const rows = await waitFor('the looked-up entry', () => (codesView()[0]?.label === 'Looked up' ? codesView() : undefined));
    assert.strictEqual(rows[1].label, '409 Conflict');
    assert.match(rows[1].description, /not an LTS status code — nearest listed: 400/);
  });

  test('Clear Looked Up removes the "Looked up" group that a lookup of an unlisted code left', async () => {
    const { codesView } = await api();
    await vscode.commands.executeCommand('ltsStatus.lookup', { code: 418 });
    const rows = await waitFor('the looked-up entry', () => (codesView()[0]?.label === 'Looked up' ? codesView() : undefined));
    assert.match(rows[1].label, /^418\b/);
    await vscode.commands.executeCommand('ltsStatus.clearLookedUp');
    await waitFor('no "Looked up" group', () => (codesView().some((row) => row.label === 'Looked up') ? undefined : true));
    assert.ok(codesView().some((row) => row.depth === 0 && row.label === 'Success (2xx)'), 'the table stays');
    // Clearing again is harmless.
    await vscode.commands.executeCommand('ltsStatus.clearLookedUp');
    assert.ok(!codesView().some((row) => row.label === 'Looked up'));
  });

  test('Insert Code on an entry inserts in the file\'s style', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'java',
      content: 'class A {\n  ResponseEntity<?> a() {\n    return ResponseEntity.status(HttpStatus.CONFLICT).build();\n  }\n'
        + '  ResponseEntity<?> b() {\n    return ResponseEntity.status().build();\n  }\n}\n',
    });
    const editor = await vscode.window.showTextDocument(document);
    const at = document.positionAt(document.getText().indexOf('status()') + 'status('.length);
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('ltsStatus.lookup', { code: 400, action: 'insert' });
    assert.ok(document.getText().includes('ResponseEntity.status(HttpStatus.BAD_REQUEST).build()'), document.getText());
    await closeDocument(document);
  });

  test('"Problems in this file" lists the active file\'s LTS problems, each with its code, line and message', async () => {
    const { codesView } = await api();
    const editor = await vscode.window.showTextDocument(workspaceUri('src', 'handlers.js'));
    await waitFor('the warning in handlers.js', () => (ltsDiagnostics(editor.document.uri).length === 1 ? true : undefined));
    const rows = await waitFor('the problems section', () => {
      const all = codesView();
      const at = all.findIndex((row) => row.depth === 0 && row.label === 'Problems in this file');
      return at >= 0 ? all.slice(at, at + 2) : undefined;
    });
    const problem = ltsDiagnostics(editor.document.uri)[0];
    assert.strictEqual(rows[0].description, '1');
    assert.strictEqual(rows[1].depth, 1);
    assert.strictEqual(rows[1].label, `409, line ${problem.range.start.line + 1}`);
    assert.strictEqual(rows[1].description, problem.message);
    // Another file without problems: the section goes.
    const plain = await vscode.workspace.openTextDocument({ language: 'javascript', content: 'const width = 200;\n' });
    await vscode.window.showTextDocument(plain);
    await waitFor('no problems section', () => (codesView().some((row) => row.label === 'Problems in this file') ? undefined : true));
    await closeDocument(plain);
  });
});
