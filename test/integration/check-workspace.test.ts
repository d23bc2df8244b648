/**
 * "LTS: Check Workspace" results on files that are not open stay true: a change of `.lts-status.json` or of the
 * settings filters them again, a deleted or renamed file takes them with it. And the language status item counts the
 * active file's problems, with Look Up and Show Log one click away.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { LtsStatusApi } from '../../src/vscode/services';
import { closeAllEditors, closeDocument, EXTENSION_ID, ltsDiagnostics, setSetting, waitFor, workspaceUri } from './util';

const HANDLER = [
  "const express = require('express');",
  'const app = express();',
  "app.post('/streams', (req, res) => {",
  '  if (!req.body) return res.status(409).end();',
  '  res.status(418).json({});',
  '});',
  '',
].join('\n');

function codes(uri: vscode.Uri): string[] {
  return ltsDiagnostics(uri).map((d) => d.message.match(/\b\d{3}\b/)?.[0] ?? '?').sort();
}

async function write(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

suite('Check Workspace results follow the configuration and the files', function () {
  this.timeout(180_000);
  const folder = () => workspaceUri('stale');

  suiteSetup(async () => {
    await vscode.extensions.getExtension<LtsStatusApi>(EXTENSION_ID)!.activate();
  });

  suiteTeardown(async () => {
    await setSetting('diagnostics.enabled', undefined);
    await vscode.workspace.fs.delete(folder(), { recursive: true }).then(undefined, () => undefined);
  });

  test('the config file and the settings filter them again; a deleted or renamed file loses them', async () => {
    await closeAllEditors();
    const first = vscode.Uri.joinPath(folder(), 'first.js');
    const second = vscode.Uri.joinPath(folder(), 'second.js');
    await write(first, HANDLER);
    await write(second, HANDLER);
    await vscode.commands.executeCommand('ltsStatus.checkWorkspace');
    assert.deepStrictEqual(codes(first), ['409', '418'], 'the check flags both unlisted codes of a closed file');
    assert.deepStrictEqual(codes(second), ['409', '418']);

    const config = vscode.Uri.joinPath(folder(), '.lts-status.json');
    await write(config, '{ "allowedCodes": [409] }\n');
    await waitFor('409 allowed by the new .lts-status.json', () => (codes(first).join() === '418' ? true : undefined));
    assert.deepStrictEqual(codes(second), ['418']);

    await write(config, '{ "ignore": ["second.js"] }\n');
    await waitFor('409 back, second.js ignored', () => (codes(first).join() === '409,418' && codes(second).length === 0 ? true : undefined));

    await vscode.workspace.fs.delete(config);
    await waitFor('second.js back without the config', () => (codes(second).join() === '409,418' ? true : undefined));

    await setSetting('diagnostics.enabled', false);
    await waitFor('problems off by the setting', () => (codes(first).length === 0 && codes(second).length === 0 ? true : undefined));
    await setSetting('diagnostics.enabled', undefined);
    await waitFor('problems back with the setting', () => (codes(first).join() === '409,418' ? true : undefined));

    // Renamed in the editor (a workspace edit), and deleted on disk.
    const renamed = vscode.Uri.joinPath(folder(), 'renamed.js');
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(first, renamed);
    assert.ok(await vscode.workspace.applyEdit(edit), 'renamed');
    await waitFor('the renamed file\'s old problems cleared', () => (codes(first).length === 0 ? true : undefined));
    await vscode.workspace.fs.delete(second);
    await waitFor('the deleted file\'s problems cleared', () => (codes(second).length === 0 ? true : undefined));
  });

  test('LTS: Clear Problems of Check Workspace removes the results of files that are not open, and only those', async () => {
    await closeAllEditors();
    const closed = vscode.Uri.joinPath(folder(), 'closed.js');
    const open = vscode.Uri.joinPath(folder(), 'open.js');
    await write(closed, HANDLER);
    await write(open, HANDLER);
    await vscode.commands.executeCommand('ltsStatus.checkWorkspace');
    assert.deepStrictEqual(codes(closed), ['409', '418']);
    await vscode.window.showTextDocument(open);
    await waitFor('the open file analysed', () => (codes(open).join() === '409,418' ? true : undefined));
    await vscode.commands.executeCommand('ltsStatus.clearWorkspaceProblems');
    assert.deepStrictEqual(codes(closed), [], 'the closed file\'s problems are gone');
    assert.deepStrictEqual(codes(open), ['409', '418'], 'the open file keeps its own');
    await closeAllEditors();
  });

  test('a deleted folder takes every problem below it, also of a file an editor still shows', async () => {
    const open = vscode.Uri.joinPath(folder(), 'sub', 'shown.js');
    await write(open, HANDLER);
    await vscode.window.showTextDocument(open);
    await waitFor('the open file analysed', () => (codes(open).join() === '409,418' ? true : undefined));
    await vscode.workspace.fs.delete(folder(), { recursive: true });
    await waitFor('the deleted folder\'s problems gone', () =>
      (vscode.languages.getDiagnostics().some(([uri, d]) => uri.toString().startsWith(folder().toString()) && d.some((x) => x.source === 'LTS')) ? undefined : true));
    await closeAllEditors();
  });

  test('the language status item counts the active file\'s problems and offers Look Up and Show Log', async () => {
    const api = await vscode.extensions.getExtension<LtsStatusApi>(EXTENSION_ID)!.activate();
    const uri = vscode.Uri.joinPath(folder(), 'status.js');
    await write(uri, HANDLER);
    const editor = await vscode.window.showTextDocument(uri);
    const findings = await waitFor('two problems counted', () =>
      api.languageStatus().find((item) => item.id === 'ltsStatus.findings' && /\b2\b/.test(item.text)));
    assert.strictEqual(findings.command, 'ltsStatus.lookup');
    assert.match(findings.text, /2 codes not listed/);
    const analysis = api.languageStatus().find((item) => item.id === 'ltsStatus.analysis');
    assert.strictEqual(analysis?.command, 'ltsStatus.showLog');
    assert.strictEqual(analysis?.text, 'LTS: analysed');
    // Both codes allowed: the item says all is well.
    await editor.edit((e) => e.replace(new vscode.Range(3, 0, 4, 1000), '  res.status(404).end();\n  res.status(201).json({});'));
    await waitFor('no problems counted', () =>
      api.languageStatus().find((item) => item.id === 'ltsStatus.findings' && item.text === 'LTS: all codes listed'));
    await closeDocument(editor.document);
  });

  test('a minified file is not analysed, and the language status item says why', async () => {
    const api = await vscode.extensions.getExtension<LtsStatusApi>(EXTENSION_ID)!.activate();
    const uri = vscode.Uri.joinPath(folder(), 'bundle.min.js');
    // One line of 35,000 characters with a handler in it: as written, it would be a problem.
    const filler = Array.from({ length: 700 }, (_, i) => `var v${i}=function(a,b){return a*${i}+b.width};`).join('');
    await write(uri, `${filler}app.get("/",function(q,s){s.status(409).end()});${filler}\n`);
    await vscode.window.showTextDocument(uri);
    const analysis = await waitFor('the file reported as not analysed', () =>
      api.languageStatus().find((item) => item.id === 'ltsStatus.analysis' && item.text === 'LTS: not analysed'));
    assert.match(analysis.detail ?? '', /minified/);
    assert.deepStrictEqual(ltsDiagnostics(uri), []);
    await closeAllEditors();
    await vscode.workspace.fs.delete(uri);
  });
});
