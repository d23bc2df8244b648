/** Completion of status codes where a status is expected, through VS Code's completion command. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { AREA, requestScreenshot } from './screenshot';
import { closeDocument, EXTENSION_ID, inlayHints, open, positionOf, sleep, waitFor, workspaceUri } from './util';

suiteSetup(async () => {
  await open('src', 'handlers.js');
  await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
});

interface Offered {
  readonly label: string;
  readonly detail: string;
  readonly description: string;
  readonly documentation: string;
  readonly insertText: string;
}

/** A completion item as text (ours have a label with details; others get empty details). */
function toOffered(item: vscode.CompletionItem): Offered {
  const label: vscode.CompletionItemLabel = typeof item.label === 'string' ? { label: item.label } : item.label;
  const ours = item.kind === vscode.CompletionItemKind.Constant && typeof item.label !== 'string';
  return {
    label: ours ? label.label : '',
    detail: ours ? label.detail ?? '' : '',
    description: label.description ?? '',
    documentation: item.documentation instanceof vscode.MarkdownString ? item.documentation.value : String(item.documentation ?? ''),
    insertText: typeof item.insertText === 'string' ? item.insertText : '',
  };
}

/** Our completion items at the end of `prefix` in a new untitled document of `language`. */
async function offeredAt(language: string, before: string, prefix: string, after: string): Promise<Offered[]> {
  const document = await vscode.workspace.openTextDocument({ language, content: `${before}${prefix}${after}` });
  await vscode.window.showTextDocument(document);
  try {
    const position = document.positionAt(before.length + prefix.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
    return list.items.map(toOffered).filter((item) => /\b[1-5]\d\d\b/.test(item.label + item.detail));
  } finally {
    await closeDocument(document);
    await sleep(100);
  }
}

suite('completion', () => {
  test('inside res.status( offers the eleven listed codes with their names and descriptions', async () => {
    const offered = await offeredAt('javascript', 'app.post("/x", (req, res) => {\n  ', 'res.status(', ');\n});\n');
    assert.deepStrictEqual(offered.map((item) => item.label), ['200', '201', '204', '400', '401', '403', '404', '408', '429', '500', '503']);
    const tooMany = offered.find((item) => item.label === '429')!;
    assert.strictEqual(tooMany.detail.trim(), 'Too Many Requests');
    assert.strictEqual(tooMany.description, 'The number of requests exceeds the upper limit.');
    assert.ok(tooMany.documentation.includes('Source: ['), tooMany.documentation);
  });

  test('shows in the editor as you type res.status(', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'javascript', content: 'app.post("/x", (req, res) => {\n  res.status();\n});\n' });
    const editor = await vscode.window.showTextDocument(document);
    const at = new vscode.Position(1, '  res.status('.length);
    editor.selection = new vscode.Selection(at, at);
    // Every provider answers once before the widget opens (JavaScript's own starts slowly), so the picture shows the
    // list rather than "Loading…".
    await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', document.uri, at);
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    await sleep(1500);
    await requestScreenshot('completion', [AREA.suggest, AREA.suggestDetails, AREA.currentLine]);
    await vscode.commands.executeCommand('hideSuggestWidget');
    await closeDocument(document);
  });

  test('Flask: after return body, ', async () => {
    const offered = await offeredAt('python', '@app.post("/x")\ndef create():\n    ', 'return jsonify(ok=True), ', '\n');
    assert.strictEqual(offered.length, 11);
  });

  test('in the file\'s spelling when it uses a library\'s names (Go: http.Status…)', async function () {
    // A web worker host compiles the Go grammar on its own thread: slow on a busy machine.
    this.timeout(180_000);
    // An untitled copy: the polyglot files must stay closed for the Check Workspace test (languages.test.ts).
    const content = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('polyglot', 'main.go')));
    const document = await vscode.workspace.openTextDocument({ language: 'go', content });
    await vscode.window.showTextDocument(document);
    let list: vscode.CompletionList;
    try {
      // Once the file's analysis is at hand (the inlay hints show it); completion does not wait for a grammar to compile.
      await waitFor('the analysis', async () => ((await inlayHints(document.uri, new vscode.Range(0, 0, document.lineCount, 0))).length > 0 ? true : undefined), 120_000);
      const position = positionOf(document, 'w.WriteHeader(http.StatusCreated', 'w.WriteHeader('.length);
      list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
    } finally {
      await closeDocument(document);
    }
    const offered = list.items.map(toOffered).filter((item) => item.detail && /\b[1-5]\d\d\b/.test(item.detail));
    assert.strictEqual(offered.length, 11);
    const tooMany = offered.find((item) => item.insertText === 'http.StatusTooManyRequests');
    assert.ok(tooMany, JSON.stringify(offered.map((item) => item.insertText)));
    assert.strictEqual(tooMany.detail.trim(), '429 Too Many Requests');
  });

  test('nothing where no status is expected', async () => {
    assert.deepStrictEqual(await offeredAt('javascript', 'function f(items) {\n  ', 'items.push(', ');\n}\n'), []);
  });
});
