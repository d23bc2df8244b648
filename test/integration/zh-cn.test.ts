/**
 * In Simplified Chinese: what a user sees in a zh-CN VS Code has no English sentence left — hover, inlay hints,
 * Problems, the language status item. Runs only when VS Code's display language is zh-cn (`npm run
 * test:integration` starts one such run: run-tests.mjs --locale zh-cn --grep zh-CN); elsewhere it is skipped.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { LtsStatusApi } from '../../src/vscode/services';
import { AREA, requestScreenshot } from './screenshot';
import { closeAllEditors, EXTENSION_ID, inlayHints, labelText, ltsDiagnostics, ltsHoverAt, positionOf, sleep, waitFor, workspaceUri } from './util';

// An English sentence: a capitalised word followed by three or more lower-case words (the reason phrases such as
// `Too Many Requests` and names from the code are not sentences).
const ENGLISH_SENTENCE = /\b[A-Z][a-z]+(?: [a-z]+){3,}/;
/** The text a user reads: links' targets, code spans and the document's own names left out. */
const readable = (markdown: string) => markdown.replace(/\]\([^)]*\)/g, ']').replace(/`[^`]*`/g, '');

suite('zh-CN', function () {
  this.timeout(120_000);

  suiteSetup(function () {
    if (vscode.env.language.toLowerCase() !== 'zh-cn') this.skip();
  });

  test('zh-CN: hover, inlay hints, Problems and the language status item are Chinese', async () => {
    const api = await vscode.extensions.getExtension<LtsStatusApi>(EXTENSION_ID)!.activate();
    const uri = workspaceUri('zh', 'streams.js');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode([
      "const express = require('express');",
      'const app = express();',
      "app.post('/streams', function createLogStream(req, res) {",
      '  if (req.query.busy) return res.status(429).end();',
      '  res.status(409).json({ error_code: \'LTS.0205\' });',
      '});',
      '',
    ].join('\n')));
    try {
      const editor = await vscode.window.showTextDocument(uri);
      const document = editor.document;
      const problems = await waitFor('the 409 flagged', () => (ltsDiagnostics(uri).length === 1 ? ltsDiagnostics(uri) : undefined));
      assert.match(problems[0].message, /createLogStream 返回 409 Conflict，不是 LTS 状态码/);
      assert.doesNotMatch(readable(problems[0].message), ENGLISH_SENTENCE);

      const hover429 = await ltsHoverAt(uri, positionOf(document, 'res.status(429)', 'res.status('.length + 1), 'LTS');
      assert.match(hover429, /请求数量超过上限/, hover429);
      assert.doesNotMatch(readable(hover429), ENGLISH_SENTENCE, hover429);
      const hover409 = await ltsHoverAt(uri, positionOf(document, 'res.status(409)', 'res.status('.length + 1), 'LTS');
      assert.match(hover409, /不是 LTS 状态码/, hover409);
      assert.doesNotMatch(readable(hover409), ENGLISH_SENTENCE, hover409);
      const hoverError = await ltsHoverAt(uri, positionOf(document, 'LTS.0205', 1), 'LTS');
      assert.match(hoverError, /日志流名称已存在/, hoverError);
      assert.doesNotMatch(readable(hoverError), ENGLISH_SENTENCE, hoverError);

      const hints = await inlayHints(uri, new vscode.Range(0, 0, document.lineCount, 0));
      const labels = hints.map(labelText).join(' | ');
      assert.match(labels, /非 LTS/, labels);

      const status = await waitFor('the language status item', () => api.languageStatus().find((item) => item.id === 'ltsStatus.findings' && /1/.test(item.text)));
      assert.doesNotMatch(status.text, ENGLISH_SENTENCE, status.text);
      assert.match(status.text, /[\u4e00-\u9fff]/, status.text);
      // The picture: the hover of the flagged 409, in Chinese.
      const at = positionOf(document, 'res.status(409)', 'res.status('.length + 1);
      editor.selection = new vscode.Selection(at, at);
      await vscode.commands.executeCommand('editor.action.showHover');
      await sleep(800);
      await requestScreenshot('zh-cn-hover', [AREA.hover, AREA.currentLine]);
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(workspaceUri('zh'), { recursive: true });
    }
  });
});
