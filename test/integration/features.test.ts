/**
 * What a user sees, checked through VS Code's public API inside a real extension host:
 * hovers, inlay hints, Problems-panel diagnostics, quick fixes and the lookup command.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { AREA, requestScreenshot } from './screenshot';
import {
  acceptQuickPick, closeDocument, EXTENSION_ID, hoversAt, hoverText, inlayHints, labelText, ltsDiagnostics, ltsHoverAt, open, positionOf, setSetting, sleep,
  waitFor, workspaceUri,
} from './util';

const HANDLERS = ['src', 'handlers.js'];

// Any test may run alone (--grep): make sure the extension is active first.
suiteSetup(async () => {
  await open(...HANDLERS);
  await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
});
const LOG = ['logs', 'access.log'];

suite('extension', () => {
  test('is installed, activates and registers its commands', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    await open(...HANDLERS);
    await waitFor('activation', () => (extension.isActive ? true : undefined));
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['ltsStatus.lookup', 'ltsStatus.toggleInlayHints', 'ltsStatus.allowCode', 'ltsStatus.showLog']) {
      assert.ok(commands.includes(id), `${id} registered`);
    }
  });
});

suite('hover', () => {
  test('explains 429 in res.status(429): returned value, description, class, source', async () => {
    const editor = await open(...HANDLERS);
    const position = positionOf(editor.document, 'res.status(429)', 'res.status('.length + 1);
    const text = await ltsHoverAt(editor.document.uri, position);
    assert.ok(text.includes('429 Too Many Requests'), text);
    assert.ok(text.includes('The number of requests exceeds the upper limit'), text);
    assert.ok(text.includes('Client error (4xx)'), text);
    assert.ok(text.includes('https://docs.otc.t-systems.com/log-tank-service/api-ref/appendix/status_codes.html'), text);
    assert.ok(text.includes('createLogStream'), 'names the handler');

    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('editor.action.showHover');
    await sleep(800);
    await requestScreenshot('hover', [AREA.hover, AREA.currentLine]);
  });

  test('says plainly that 409 is not an LTS status code and names the nearest listed code', async () => {
    const editor = await open(...HANDLERS);
    const text = await ltsHoverAt(editor.document.uri, positionOf(editor.document, 'res.status(409)', 'res.status('.length));
    assert.ok(text.includes('409 Conflict'), text);
    assert.ok(text.includes('not an LTS status code'), text);
    assert.ok(text.includes('400 Bad Request'), text);
    assert.strictEqual(text.split('200, 201, 204, 400').length - 1, 1, `the listed codes once: ${text}`);
    assert.ok(text.trimEnd().split('\n\n').at(-1)!.startsWith('Source: ['), `the source link last: ${text}`);
  });

  test('in a log line, the LTS error code beside the status comes before the source link', async () => {
    const editor = await open('logs', 'app.jsonl');
    const text = await ltsHoverAt(editor.document.uri, positionOf(editor.document, '"status":429', '"status":4'.length));
    const paragraphs = text.trimEnd().split('\n\n');
    assert.ok(paragraphs.at(-2)!.includes('LTS.0205'), text);
    assert.ok(paragraphs.at(-1)!.startsWith('Source: ['), text);
  });

  test('explains 429 in the log line HTTP/1.1 429', async () => {
    const editor = await open(...LOG);
    const text = await ltsHoverAt(editor.document.uri, positionOf(editor.document, 'HTTP/1.1 429 Too', 'HTTP/1.1 4'.length));
    assert.ok(text.includes('Too Many Requests'), text);
    assert.ok(text.includes('The number of requests exceeds the upper limit'), text);
  });

  test('is silent on numbers that are not status codes', async () => {
    const js = await open(...HANDLERS);
    for (const [needle, offset] of [['width: 200', 8], ['Returning 409', 11], ['listen(8080', 8]] as const) {
      const hovers = await hoversAt(js.document.uri, positionOf(js.document, needle, offset));
      assert.ok(!hoverText(hovers).includes('LTS status code'), `no LTS hover on "${needle}"`);
    }
    const log = await open(...LOG);
    for (const [needle, offset] of [['200 2251', 5], ['"latency_ms":200', 14], ['10.0.200.4', 5]] as const) {
      const hovers = await hoversAt(log.document.uri, positionOf(log.document, needle, offset));
      assert.ok(!hoverText(hovers).includes('LTS status code'), `no LTS hover on "${needle}"`);
    }
  });

  test('can be turned off', async () => {
    const editor = await open(...HANDLERS);
    const position = positionOf(editor.document, 'res.status(429)', 'res.status('.length + 1);
    await setSetting('hover.enabled', false);
    try {
      assert.strictEqual(await ltsHoverAt(editor.document.uri, position), '');
    } finally {
      await setSetting('hover.enabled', undefined);
    }
    assert.ok((await ltsHoverAt(editor.document.uri, position)).includes('Too Many Requests'));
  });
});

suite('inlay hints', () => {
  async function ourHints(): Promise<Array<{ label: string; line: number }>> {
    const editor = await open(...HANDLERS);
    const document = editor.document;
    const hints = await inlayHints(document.uri, new vscode.Range(0, 0, document.lineCount, 0));
    return hints.map((hint) => ({ label: labelText(hint), line: hint.position.line, character: hint.position.character }))
      .filter((hint) => document.getText(new vscode.Range(hint.line, hint.character - 3, hint.line, hint.character)).match(/^\d{3}$/));
  }

  test('show the returned value right after status codes in handler code, nowhere else', async () => {
    const editor = await open(...HANDLERS);
    const document = editor.document;
    const hints = await inlayHints(document.uri, new vscode.Range(0, 0, document.lineCount, 0));
    const at = (needle: string) => {
      const position = positionOf(document, needle, needle.length);
      return hints.filter((hint) => hint.position.isEqual(position)).map(labelText);
    };
    assert.deepStrictEqual(at('res.status(429'), ['Too Many Requests']);
    assert.deepStrictEqual(at('res.status(409'), ['Conflict · not LTS']);
    // HTTP's name for 201, as the code means it; the hover quotes the LTS table's "OK" and explains.
    assert.deepStrictEqual(at('res.status(201'), ['Created']);
    assert.deepStrictEqual(at('res.status === 409'), ['Conflict · not LTS']);
    assert.deepStrictEqual(at('width: 200'), []);
    assert.deepStrictEqual(at('Returning 409'), []);
    assert.deepStrictEqual(at('listen(8080'), []);
    assert.strictEqual((await ourHints()).length, 4, 'exactly four hints in the file');
  });

  test('after a symbolic name show only the number and the verdict (ltsStatus.inlayHints.symbolic)', async () => {
    // An untitled copy: the polyglot files must stay closed for the Check Workspace test (languages.test.ts). Each
    // copy has a name of its own: a new "Untitled-1" opened just after the last one closed can come back with the
    // closed one's text.
    let copies = 0;
    const labelsAt = async (parts: string[], needles: string[]) => {
      const content = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(...parts)));
      const language = parts.at(-1)!.endsWith('.go') ? 'go' : 'java';
      let document = await vscode.workspace.openTextDocument(vscode.Uri.parse(`untitled:symbolic-${++copies}.${language}`));
      if (document.languageId !== language) document = await vscode.languages.setTextDocumentLanguage(document, language);
      const editor = await vscode.window.showTextDocument(document);
      assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), content)));
      try {
        const hints = await inlayHints(document.uri, new vscode.Range(0, 0, document.lineCount, 0));
        return needles.map((needle) => {
          const position = positionOf(document, needle, needle.length);
          return hints.filter((hint) => hint.position.isEqual(position)).map(labelText).join(' | ');
        });
      } finally {
        await closeDocument(document);
      }
    };
    const go = ['polyglot', 'main.go'];
    const java = ['polyglot', 'StreamsController.java'];
    assert.deepStrictEqual(await labelsAt(go, ['WriteHeader(http.StatusConflict', 'WriteHeader(http.StatusCreated']), ['409 · not LTS', '201']);
    assert.deepStrictEqual(await labelsAt(java, ['status(HttpStatus.CONFLICT', 'status(HttpStatus.CREATED']), ['409 · not LTS', '201']);
    await setSetting('inlayHints.symbolic', 'full');
    try {
      assert.deepStrictEqual(await labelsAt(go, ['WriteHeader(http.StatusConflict', 'WriteHeader(http.StatusCreated']),
        ['409 Conflict · not LTS', '201 Created']);
    } finally {
      await setSetting('inlayHints.symbolic', undefined);
    }
    await setSetting('inlayHints.symbolic', 'off');
    try {
      assert.deepStrictEqual(await labelsAt(go, ['WriteHeader(http.StatusConflict', 'WriteHeader(http.StatusCreated']), ['', '']);
    } finally {
      await setSetting('inlayHints.symbolic', undefined);
    }
  });

  test('only for codes the table does not list with ltsStatus.inlayHints.listed = false', async () => {
    await setSetting('inlayHints.listed', false);
    try {
      assert.deepStrictEqual((await ourHints()).map((hint) => hint.label), ['Conflict · not LTS', 'Conflict · not LTS']);
    } finally {
      await setSetting('inlayHints.listed', undefined);
    }
    assert.strictEqual((await ourHints()).length, 4);
  });

  test('are computed for the requested range only', async () => {
    const editor = await open(...HANDLERS);
    const line = positionOf(editor.document, 'res.status(429)').line;
    const hints = await inlayHints(editor.document.uri, new vscode.Range(line, 0, line, 200));
    assert.deepStrictEqual(hints.map(labelText), ['Too Many Requests']);
  });

  test('respect editor.inlayHints.enabled, editor.inlayHints.maximumLength and the toggle command', async () => {
    assert.strictEqual((await ourHints()).length, 4);
    await setSetting('inlayHints.enabled', 'off', 'editor');
    try {
      assert.strictEqual((await ourHints()).length, 0, 'editor.inlayHints.enabled = off');
    } finally {
      await setSetting('inlayHints.enabled', undefined, 'editor');
    }
    await setSetting('inlayHints.maximumLength', 8, 'editor');
    try {
      assert.ok((await ourHints()).some((hint) => hint.label === 'Too Man…'), 'truncated to 8 characters');
    } finally {
      await setSetting('inlayHints.maximumLength', undefined, 'editor');
    }
    const off = await vscode.commands.executeCommand<boolean>('ltsStatus.toggleInlayHints');
    assert.strictEqual(off, false);
    try {
      assert.strictEqual((await ourHints()).length, 0, 'toggled off');
    } finally {
      assert.strictEqual(await vscode.commands.executeCommand<boolean>('ltsStatus.toggleInlayHints'), true);
    }
    assert.strictEqual((await ourHints()).length, 4, 'toggled on again');
  });

  test('toggling twice leaves the settings as they were; the toggle writes where the setting is defined', async () => {
    const values = () => {
      const inspect = vscode.workspace.getConfiguration('ltsStatus').inspect<boolean>('inlayHints.enabled');
      return { global: inspect?.globalValue, workspace: inspect?.workspaceValue };
    };
    const before = values();
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('ltsStatus.toggleInlayHints'), false);
    await waitFor('the workspace entry', () => (values().workspace === false ? true : undefined));
    assert.strictEqual(values().global, before.global, 'the user settings are not touched');
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('ltsStatus.toggleInlayHints'), true);
    await waitFor('the entry removed again', () => (JSON.stringify(values()) === JSON.stringify(before) ? true : undefined));

    // Defined in the workspace: changed there, and removed when the value returns to the default.
    await setSetting('inlayHints.enabled', false);
    try {
      assert.strictEqual(await vscode.commands.executeCommand<boolean>('ltsStatus.toggleInlayHints'), true);
      await waitFor('the workspace entry removed', () => (values().workspace === undefined ? true : undefined));
      assert.strictEqual((await ourHints()).length, 4);
    } finally {
      await setSetting('inlayHints.enabled', undefined);
    }
  });

  test('are off in logs by default and on with ltsStatus.inlayHints.inLogs', async () => {
    const editor = await open(...LOG);
    const range = new vscode.Range(0, 0, editor.document.lineCount, 0);
    assert.deepStrictEqual((await inlayHints(editor.document.uri, range)).map(labelText), []);
    await setSetting('inlayHints.inLogs', true);
    try {
      assert.deepStrictEqual((await inlayHints(editor.document.uri, range)).map(labelText),
        ['OK', 'Too Many Requests', 'Too Many Requests', 'Service Unavailable']);
    } finally {
      await setSetting('inlayHints.inLogs', undefined);
    }
  });
});

suite('diagnostics', () => {
  async function diagnosticsOf(uri: vscode.Uri, count: number): Promise<vscode.Diagnostic[]> {
    return waitFor(`${count} LTS diagnostics`, () => {
      const found = ltsDiagnostics(uri);
      return found.length === count ? found : undefined;
    });
  }

  test('a Warning on res.status(409) in the handler, and on nothing else', async () => {
    const editor = await open(...HANDLERS);
    const [diagnostic] = await diagnosticsOf(editor.document.uri, 1);
    await sleep(500);
    assert.strictEqual(ltsDiagnostics(editor.document.uri).length, 1, 'still exactly one');
    const start = positionOf(editor.document, 'res.status(409)', 'res.status('.length);
    assert.ok(diagnostic.range.isEqual(new vscode.Range(start, start.translate(0, 3))), 'range is the literal 409');
    assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(diagnostic.source, 'LTS');
    assert.strictEqual(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code, 'unlisted-status');
    assert.strictEqual(diagnostic.message,
      'createLogStream returns 409 Conflict, not an LTS status code — use 400 Bad Request');

    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await sleep(800);
    await requestScreenshot('problems', [AREA.panelTitle, AREA.panelRows]);
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });

  test('follow settings: severity and allowed codes, without a reload', async () => {
    const editor = await open(...HANDLERS);
    await diagnosticsOf(editor.document.uri, 1);
    await setSetting('diagnostics.severity', 'error');
    try {
      await waitFor('an Error', () => ltsDiagnostics(editor.document.uri)[0]?.severity === vscode.DiagnosticSeverity.Error ? true : undefined);
    } finally {
      await setSetting('diagnostics.severity', undefined);
    }
    await setSetting('allowedCodes', [409]);
    try {
      await diagnosticsOf(editor.document.uri, 0);
    } finally {
      await setSetting('allowedCodes', undefined);
    }
    await diagnosticsOf(editor.document.uri, 1);
    await setSetting('diagnostics.enabled', false);
    try {
      await diagnosticsOf(editor.document.uri, 0);
    } finally {
      await setSetting('diagnostics.enabled', undefined);
    }
    await diagnosticsOf(editor.document.uri, 1);
  });

  test('update after an edit, for unsaved documents too, and clear when closed', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'typescript',
      content: 'export function handler(req: any, res: any) {\n  res.status(200);\n}\n',
    });
    const editor = await vscode.window.showTextDocument(document);
    await sleep(600);
    assert.strictEqual(ltsDiagnostics(document.uri).length, 0);
    await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), '  res.sendStatus(502);\n'));
    const [diagnostic] = await diagnosticsOf(document.uri, 1);
    assert.ok(diagnostic.message.startsWith('handler returns 502 Bad Gateway'), diagnostic.message);
    await closeDocument(document);
    await diagnosticsOf(document.uri, 0);
  });

  test('quick fixes: use the suggested listed code, allow it, or ignore the line', async () => {
    // A name of its own: an untitled document that an earlier test closed may still hold its URI's problems.
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse('untitled:quick-fixes.js'));
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'app.post("/x", (req, res) => {\n  res.status(409).end();\n});\n'));
    const [diagnostic] = await diagnosticsOf(document.uri, 1);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
    // Actions come back without their diagnostics through this command; ours are the quick fixes.
    const ours = actions.filter((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value);
    assert.deepStrictEqual(ours.map((a) => a.title), [
      'Use 400 Bad Request instead of 409', 'Allow 409 in this project (.lts-status.json)', 'Ignore status 409 on this line',
    ]);
    assert.strictEqual(ours[0].isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(ours[0].edit!));
    assert.strictEqual(document.lineAt(1).text, '  res.status(400).end();');
    await diagnosticsOf(document.uri, 0);

    // Back to 409 (an edit of our own: `undo` acts on whichever editor has focus).
    await editor.edit((edit) => edit.replace(document.lineAt(1).range, '  res.status(409).end();'));
    const [again] = await diagnosticsOf(document.uri, 1);
    const ignore = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, again.range))
      .find((a) => a.title.startsWith('Ignore'))!;
    assert.ok(await vscode.workspace.applyEdit(ignore.edit!));
    assert.strictEqual(document.lineAt(1).text, '  // lts-status-disable-next-line');
    await diagnosticsOf(document.uri, 0);
    await closeDocument(document);
  });

  test('a library\'s name for the code is replaced by its name for the suggestion', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'typescript',
      content: 'export class C {\n  create() {\n    throw new HttpException("taken", HttpStatus.CONFLICT);\n  }\n}\n',
    });
    await vscode.window.showTextDocument(document);
    const [diagnostic] = await diagnosticsOf(document.uri, 1);
    assert.strictEqual(document.getText(diagnostic.range), 'HttpStatus.CONFLICT');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
    const use = actions.find((a) => a.title === 'Use 400 Bad Request instead of 409');
    assert.ok(use?.edit, actions.map((a) => a.title).join(', '));
    assert.ok(await vscode.workspace.applyEdit(use.edit));
    assert.strictEqual(document.lineAt(2).text, '    throw new HttpException("taken", HttpStatus.BAD_REQUEST);');
    await diagnosticsOf(document.uri, 0);
    await closeDocument(document);
  });

  test('the allow quick fix writes .lts-status.json, which the editor follows at once (and the CLI reads)', async () => {
    const editor = await open('src', 'handlers.js');
    const uri = editor.document.uri;
    const flagged = () => ltsDiagnostics(uri).filter((d) => editor.document.getText(d.range) === '409').length;
    await waitFor('409 flagged', () => (flagged() > 0 ? true : undefined));
    const file = workspaceUri('.lts-status.json');
    await vscode.commands.executeCommand('ltsStatus.allowCode', 409, uri);
    try {
      const written = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as { allowedCodes?: number[] };
      assert.deepStrictEqual(written.allowedCodes, [409]);
      assert.strictEqual(vscode.workspace.getConfiguration('ltsStatus').inspect('allowedCodes')?.workspaceValue, undefined, 'no setting written');
      await waitFor('409 no longer flagged', () => (flagged() === 0 ? true : undefined));
    } finally {
      await vscode.workspace.fs.delete(file);
    }
    await waitFor('409 flagged again once the file is gone', () => (flagged() > 0 ? true : undefined));
  });
});

suite('lookup command', () => {
  test('copies and inserts a code', async () => {
    const result = await vscode.commands.executeCommand('ltsStatus.lookup', { code: 429, action: 'copy' });
    assert.deepStrictEqual(result, { code: 429, action: 'copy' });
    assert.strictEqual(await vscode.env.clipboard.readText(), '429');

    const document = await vscode.workspace.openTextDocument({ language: 'javascript', content: 'res.status();' });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(0, 11, 0, 11);
    await vscode.commands.executeCommand('ltsStatus.lookup', { code: 404, action: 'insert' });
    assert.strictEqual(document.getText(), 'res.status(404);');
    await closeDocument(document);
  });

  test('accepts LTS error codes', async () => {
    const running = vscode.commands.executeCommand<{ code: string } | undefined>('ltsStatus.lookup', { query: 'LTS.0205' });
    const result = await acceptQuickPick(running);
    assert.deepStrictEqual(result, { code: 'LTS.0205' });
    assert.deepStrictEqual(await vscode.commands.executeCommand('ltsStatus.lookup', { code: 'LTS.0201', action: 'copy' }),
      { code: 'LTS.0201', action: 'copy' });
    assert.strictEqual(await vscode.env.clipboard.readText(), 'LTS.0201');
  });

  test('the quick pick lists the table, pre-filled from the code under the cursor', async () => {
    const editor = await open(...HANDLERS);
    const position = positionOf(editor.document, 'res.status(409)', 'res.status('.length + 1);
    editor.selection = new vscode.Selection(position, position);
    const running = vscode.commands.executeCommand<{ code: number } | undefined>('ltsStatus.lookup');
    // Only for the picture: give the Quick Pick a moment to show before it is photographed.
    await sleep(1000);
    await requestScreenshot('lookup', [AREA.quickInput]);
    const result = await acceptQuickPick(running);
    assert.strictEqual(result?.code, 409, 'the pre-filled, unlisted 409 was offered first');
  });
});
