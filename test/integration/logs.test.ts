/** Logs: status codes and LTS error codes explained in .log, JSON-lines and text files and in the Output panel. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, hoversAt, hoverText, ltsHoverAt, open, positionOf, step, waitFor, workspaceUri } from './util';

suite('logs', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  test('a status field in a JSON-lines file, with the LTS error code on its line', async () => {
    const editor = await open('logs', 'app.jsonl');
    const text = await ltsHoverAt(editor.document.uri, positionOf(editor.document, '"status":429', '"status":4'.length));
    assert.ok(text.includes('429 Too Many Requests'), text);
    assert.ok(text.includes('The number of requests exceeds the upper limit'), text);
    assert.ok(text.includes('`LTS.0205` on this line: Failed to create a log stream because the log stream name already exists'), text);
    const nested = await ltsHoverAt(editor.document.uri, positionOf(editor.document, '"status_code":"201"', '"status_code":"2'.length));
    assert.ok(nested.includes('201 OK'), nested);
    for (const needle of ['"bytes":404', '"latency_ms":200', '"bytes":503']) {
      const position = positionOf(editor.document, needle, needle.length - 1);
      assert.ok(!hoverText(await hoversAt(editor.document.uri, position)).includes('LTS status code'), needle);
    }
  });

  test('a W3C log: the #Fields header names the status column for every line, however far below', async function () {
    // Writes and opens a 20,000-line file; on a busy machine that alone can take a while. Catches a hang only, and
    // says which step hung.
    this.timeout(180_000);
    const header = '#Software: Microsoft Internet Information Services 10.0\n#Fields: date time s-ip cs-method cs-uri-stem s-port c-ip sc-status sc-substatus sc-win32-status time-taken\n';
    // sc-status 429, then a substatus, a win32 status and a time-taken that look like statuses but are not.
    const row = (i: number) => `2026-11-30 10:${String(i % 60).padStart(2, '0')}:00 10.0.0.1 GET /v2/p/groups 443 10.0.200.4 429 0 0 404\n`;
    const uri = workspaceUri('logs', 'u_ex261130.log');
    await step('writing the log', vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(header + Array.from({ length: 20_000 }, (_, i) => row(i)).join(''))));
    try {
      const document = await step('opening the log', vscode.workspace.openTextDocument(uri));
      const last = document.lineCount - 2;
      const line = document.lineAt(last).text;
      const status = new vscode.Position(last, line.indexOf(' 429 ') + 2);
      const hover = await step('the hover on the status', ltsHoverAt(uri, status));
      assert.ok(hover.includes('429 Too Many Requests'), `line ${last + 1}: ${hover}`);
      const timeTaken = new vscode.Position(last, line.lastIndexOf('404') + 1);
      assert.ok(!hoverText(await step('the hover on time-taken', hoversAt(uri, timeTaken))).includes('LTS status code'), 'time-taken is not a status');
    } finally {
      await closeAllEditors();
      await step('deleting the log', vscode.workspace.fs.delete(uri));
    }
  });

  test('a HAR capture minified onto one line, and a rotated log: hover on a status far along the line', async function () {
    this.timeout(120_000);
    const entry = (i: number) => ({
      request: { method: 'GET', url: `https://lts.example.com/v2/p/groups/${i}`, headersSize: 404 },
      response: { status: i === 1999 ? 409 : 200, statusText: i === 1999 ? 'Conflict' : 'OK', bodySize: 503 },
      time: 429,
    });
    const har = JSON.stringify({ log: { version: '1.2', entries: Array.from({ length: 2000 }, (_, i) => entry(i)) } });
    const harUri = workspaceUri('logs', 'session.har');
    const rotatedUri = workspaceUri('logs', 'access.log.1');
    await step('writing the HAR', vscode.workspace.fs.writeFile(harUri, new TextEncoder().encode(har)));
    await step('writing the rotated log', vscode.workspace.fs.writeFile(rotatedUri, new TextEncoder().encode('10.0.0.1 - - [30/Nov/2026:10:00:00 +0000] "GET /v2/p/groups HTTP/1.1" 429 503\n')));
    try {
      const document = await step('opening the HAR', vscode.workspace.openTextDocument(harUri));
      const at = document.lineAt(0).text.lastIndexOf('"status":409') + '"status":4'.length;
      const hover = await step('the hover on 409', ltsHoverAt(harUri, new vscode.Position(0, at)));
      assert.ok(hover.includes('409 Conflict'), hover);
      const bodySize = document.lineAt(0).text.lastIndexOf('"bodySize":503') + '"bodySize":5'.length;
      assert.ok(!hoverText(await step('the hover on bodySize', hoversAt(harUri, new vscode.Position(0, bodySize)))).includes('LTS status code'), 'a body size is not a status');
      const rotated = await step('opening the rotated log', vscode.workspace.openTextDocument(rotatedUri));
      const status = await step('the hover in the rotated log', ltsHoverAt(rotatedUri, new vscode.Position(0, rotated.lineAt(0).text.indexOf(' 429 ') + 2)));
      assert.ok(status.includes('429 Too Many Requests'), status);
    } finally {
      await closeAllEditors();
      await step('deleting the HAR', vscode.workspace.fs.delete(harUri));
      await step('deleting the rotated log', vscode.workspace.fs.delete(rotatedUri));
    }
  });

  test('an LTS error code in a log line: description, message, handling and its status', async () => {
    const editor = await open('logs', 'app.jsonl');
    const hovers = await hoversAt(editor.document.uri, positionOf(editor.document, 'LTS.0205', 4));
    const text = hoverText(hovers);
    assert.ok(text.includes('LTS error code · comes with **400 Bad Request**'), text);
    assert.ok(text.includes('Handling: Check whether the log stream with the same name already exists'), text);
    assert.ok(text.includes('The LTS table documents LTS\\.0205 with status 400; this line has 429.'), text);
  });

  test('a phrase that stands for a status, on a line with no status number', async () => {
    const editor = await open('logs', 'terraform.txt');
    const forbidden = await ltsHoverAt(editor.document.uri, positionOf(editor.document, 'Action Forbidden', 3));
    assert.ok(forbidden.includes('403 Forbidden'), forbidden);
    assert.ok(forbidden.includes('`Action Forbidden` stands for status 403.'), forbidden);
    const bad = await ltsHoverAt(editor.document.uri, positionOf(editor.document, 'Bad request with:', 2));
    assert.ok(bad.includes('400 Bad Request'), bad);
    const unknown = hoverText(await hoversAt(editor.document.uri, positionOf(editor.document, 'LTS.0106', 5)));
    assert.ok(unknown.includes('is not in the LTS error-code table'), unknown);
  });

  test('a status line in an Output channel', async () => {
    const channel = vscode.window.createOutputChannel('LTS integration test');
    try {
      channel.appendLine('GET https://lts.eu-de.otc.t-systems.com/v2/p/groups');
      channel.appendLine('< HTTP/1.1 429 Too Many Requests');
      channel.show(true);
      const document = await waitFor('the Output channel document', () => vscode.workspace.textDocuments
        .find((d) => d.uri.scheme === 'output' && d.getText().includes('< HTTP/1.1 429')), 15_000);
      const text = await ltsHoverAt(document.uri, positionOf(document, 'HTTP/1.1 429', 'HTTP/1.1 4'.length));
      assert.ok(text.includes('429 Too Many Requests'), `${document.languageId}: ${text}`);
    } finally {
      channel.dispose();
    }
  });
});
