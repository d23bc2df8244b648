/**
 * Time to first warnings: the first code file opened after VS Code starts, from opening it to its warnings in the
 * Problems panel (extension activation, the engine worker's start, the grammar's compilation and the analysis). A
 * benchmark figure for the performance table (budget 300 ms), reported to the runner and never asserted as a time:
 * timing assertions fail on busy machines. This file runs first (its name sorts first; the web harness loads it
 * first), while no code file has been opened.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { appendEvent } from './events';
import { EXTENSION_ID, ltsDiagnostics, waitFor, workspaceUri } from './util';

suite('Time to first warnings', function () {
  this.timeout(120_000);

  test('the first code file opened gets its warning (reported as a benchmark figure)', async () => {
    const uri = workspaceUri('src', 'first-warnings.js');
    const text = "const express = require('express');\nconst app = express();\napp.post('/streams', (req, res) => {\n  res.status(409).end();\n});\n";
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    let warnedAt: number | undefined;
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (warnedAt === undefined && event.uris.some((u) => u.toString() === uri.toString()) && ltsDiagnostics(uri).length > 0) warnedAt = Date.now();
    });
    const started = Date.now();
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const wasActive = extension.isActive;
    try {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await waitFor('the warning on 409', () => warnedAt, 60_000);
    } finally {
      listener.dispose();
    }
    const found = ltsDiagnostics(uri);
    const ms = warnedAt! - started;
    appendEvent({ event: 'metric', name: `time to first warnings${wasActive ? ' (extension already active)' : ''}`, ms });
    assert.strictEqual(found.length, 1);
    assert.match(found[0].message, /409/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(uri);
  });
});
