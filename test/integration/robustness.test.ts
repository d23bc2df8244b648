/**
 * Files that crash the engine or exceed its time limit cost only themselves: the engine runs in a worker that is
 * replaced, the file is logged as skipped, and every other open file keeps its hover, inlay hints and diagnostics.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  EXTENSION_ID, inlayHints, labelText, ltsDiagnostics, ltsHoverAt, open, positionOf, waitFor, workspaceUri,
} from './util';

interface LtsStatusApi {
  recentLog(): readonly string[];
  engineRestarts(): number;
}

/** Tree-sitter's TypeScript grammar traps on this (a WebAssembly "null function or function signature mismatch"). */
const CRASHER = `res.status(409);\nf(a${'<b>'.repeat(3000)})\n`;
/** A 4 KB chain of comparisons: valid Python on which a naive query takes far longer than any time limit. */
const SLOW = `status = 429\nif a${' == b'.repeat(800)}:\n    pass\n`;

suite('robustness', () => {
  test('a crashing and a runaway file are skipped and logged; another file keeps hover, inlay hints and diagnostics', async () => {
    const api = await vscode.extensions.getExtension<LtsStatusApi>(EXTENSION_ID)!.activate();
    const good = await open('src', 'handlers.js');
    const at409 = positionOf(good.document, 'res.status(409)', 'res.status('.length);
    await waitFor('the warning in handlers.js', () => (ltsDiagnostics(good.document.uri).length === 1 ? true : undefined));
    const restartsBefore = api.engineRestarts();

    const crasher = workspaceUri('crash.ts');
    const slow = workspaceUri('chained.py');
    await vscode.workspace.fs.writeFile(crasher, new TextEncoder().encode(CRASHER));
    await vscode.workspace.fs.writeFile(slow, new TextEncoder().encode(SLOW));
    try {
      await open('crash.ts');
      await open('chained.py');

      // While the worker deals with them, the good file answers from its analysis.
      assert.ok((await ltsHoverAt(good.document.uri, at409)).includes('409 Conflict'), 'hover in handlers.js');
      const hints = await inlayHints(good.document.uri, new vscode.Range(at409.line, 0, at409.line + 1, 0));
      assert.ok(hints.map(labelText).some((label) => label.includes('Conflict')), 'inlay hint in handlers.js');
      assert.strictEqual(ltsDiagnostics(good.document.uri).length, 1, 'the warning in handlers.js stays');

      const log = await waitFor('both files logged as skipped', () => {
        const lines = api.recentLog();
        const crashLine = lines.find((line) => line.includes('crash.ts') && line.includes('crashed the engine'));
        const slowLine = lines.find((line) => line.includes('chained.py') && line.includes('exceeded its time limit'));
        return crashLine && slowLine ? [crashLine, slowLine] : undefined;
      }, 60_000);
      assert.ok(log[0].includes('RuntimeError'), `the reason is named: ${log[0]}`);
      assert.ok(api.engineRestarts() >= restartsBefore + 2, 'the worker was replaced after each');
      assert.deepStrictEqual(ltsDiagnostics(crasher), [], 'nothing is reported for a file that was not analysed');

      // A fresh worker analyses the next edit of the good file.
      const editor = await vscode.window.showTextDocument(good.document);
      const inserted = new vscode.Range(at409.line + 1, 0, at409.line + 2, 0);
      await editor.edit((edit) => edit.insert(inserted.start, '  res.sendStatus(502);\n'));
      try {
        await waitFor('two warnings in handlers.js after the edit', () => (ltsDiagnostics(good.document.uri).length === 2 ? true : undefined));
      } finally {
        await editor.edit((edit) => edit.delete(inserted));
        await good.document.save();
      }
      await waitFor('one warning again', () => (ltsDiagnostics(good.document.uri).length === 1 ? true : undefined));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(crasher);
      await vscode.workspace.fs.delete(slow);
    }
  });
});
