/**
 * One handler per language in test/workspace/polyglot/: each file flags exactly one 409, on the line whose trailing
 * comment says `expect: handler:409@<handler>`, and nothing else (its negatives stay silent).
 * "Check Workspace" runs first, while none of these files is open, so it must fill the Problems panel from disk.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, ltsDiagnostics, setSetting, waitFor, workspaceUri } from './util';

interface Expected { uri: vscode.Uri; line: number; handler: string }

async function polyglotFiles(): Promise<Expected[]> {
  const folder = workspaceUri('polyglot');
  const entries = await vscode.workspace.fs.readDirectory(folder);
  const files: Expected[] = [];
  for (const [name] of entries.sort(([a], [b]) => a.localeCompare(b))) {
    const uri = vscode.Uri.joinPath(folder, name);
    const lines = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)).split('\n');
    const line = lines.findIndex((text) => /expect: handler:409@/.test(text));
    assert.ok(line >= 0, `${name} marks its flagged line`);
    files.push({ uri, line, handler: /expect: handler:409@(\S+)/.exec(lines[line])![1] });
  }
  // JavaScript's handler is src/handlers.js (features.test.ts); the seven other languages have a file here.
  assert.ok(files.length >= 7, `one file per language (found ${files.length})`);
  return files;
}

function assertOneWarning(file: Expected, diagnostics: vscode.Diagnostic[]): void {
  const name = file.uri.path.split('/').pop();
  assert.strictEqual(diagnostics.length, 1, `${name}: ${diagnostics.map((d) => `${d.range.start.line + 1}: ${d.message}`).join('; ')}`);
  assert.strictEqual(diagnostics[0].range.start.line, file.line, `${name}: the marked line`);
  assert.strictEqual(diagnostics[0].severity, vscode.DiagnosticSeverity.Warning);
  assert.ok(diagnostics[0].message.startsWith(`${file.handler} returns 409 Conflict`), `${name}: ${diagnostics[0].message}`);
}

suite('languages', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  test('LTS: Check Workspace fills the Problems panel for files that are not open, skipping what search skips', async () => {
    const files = await polyglotFiles();
    for (const file of files) assert.deepStrictEqual(ltsDiagnostics(file.uri), [], 'nothing before the check');
    // The same unlisted handler where the check must not look: node_modules, a .gitignore'd folder, search.exclude,
    // files.exclude.
    const handler = new TextEncoder().encode('app.get("/", (req, res) => res.status(409));\n');
    const skipped = [['node_modules', 'dep', 'index.js'], ['generated', 'api.js'], ['vendor', 'lib.js'], ['legacy', 'old.js']].map((parts) => workspaceUri(...parts));
    const gitignore = workspaceUri('.gitignore');
    for (const uri of skipped) await vscode.workspace.fs.writeFile(uri, handler);
    await vscode.workspace.fs.writeFile(gitignore, new TextEncoder().encode('generated/\n'));
    await setSetting('exclude', { '**/vendor': true }, 'search');
    await setSetting('exclude', { '**/legacy': true }, 'files');
    try {
      const summary = await vscode.commands.executeCommand<{ files: number; problems: number; cancelled: boolean; truncated: boolean }>('ltsStatus.checkWorkspace');
      assert.strictEqual(summary.cancelled, false);
      assert.strictEqual(summary.truncated, false);
      assert.ok(summary.files >= files.length + 1, `checked ${summary.files} files`);
      for (const file of files) assertOneWarning(file, ltsDiagnostics(file.uri));
      for (const uri of skipped) assert.deepStrictEqual(ltsDiagnostics(uri), [], `${vscode.workspace.asRelativePath(uri)} is not checked`);
    } finally {
      await setSetting('exclude', undefined, 'search');
      await setSetting('exclude', undefined, 'files');
      for (const uri of [...skipped, gitignore]) await vscode.workspace.fs.delete(uri);
      await vscode.workspace.fs.delete(workspaceUri('node_modules'), { recursive: true });
      await vscode.workspace.fs.delete(workspaceUri('generated'), { recursive: true });
      await vscode.workspace.fs.delete(workspaceUri('vendor'), { recursive: true });
      await vscode.workspace.fs.delete(workspaceUri('legacy'), { recursive: true });
    }
  });

  test('an open document of every language gets exactly its one Warning', async () => {
    for (const file of await polyglotFiles()) {
      const document = await vscode.workspace.openTextDocument(file.uri);
      await vscode.window.showTextDocument(document);
      // Edit and revert, so the result below comes from the open document and not from the workspace check (not
      // `undo`, which acts on whatever has the focus).
      await vscode.window.activeTextEditor!.edit((edit) => edit.insert(new vscode.Position(0, 0), ' '));
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await waitFor(`${document.uri.path} reverted`, () => (document.isDirty ? undefined : true));
      const version = document.version;
      await waitFor(`${document.languageId} analysed`, () => (document.version === version ? true : undefined));
      await new Promise((resolve) => setTimeout(resolve, 500));
      assertOneWarning(file, await waitFor(`${file.uri.path} diagnostics`, () => {
        const found = ltsDiagnostics(file.uri);
        return found.length > 0 ? found : undefined;
      }));
      assert.ok(document.languageId !== 'plaintext', `${file.uri.path} has a language mode (${document.languageId})`);
    }
  });

  test('a per-language setting turns problems off for that language only', async () => {
    const files = await polyglotFiles();
    const python = files.find((f) => f.uri.path.endsWith('.py'))!;
    const go = files.find((f) => f.uri.path.endsWith('.go'))!;
    for (const file of [python, go]) await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file.uri));
    await waitFor('both flagged', () => (ltsDiagnostics(python.uri).length > 0 && ltsDiagnostics(go.uri).length > 0 ? true : undefined));
    const settings = vscode.workspace.getConfiguration('ltsStatus', { languageId: 'python' });
    await settings.update('diagnostics.enabled', false, vscode.ConfigurationTarget.Workspace, true);
    try {
      await waitFor('Python problems cleared', () => (ltsDiagnostics(python.uri).length === 0 ? true : undefined));
      assertOneWarning(go, ltsDiagnostics(go.uri));
    } finally {
      await settings.update('diagnostics.enabled', undefined, vscode.ConfigurationTarget.Workspace, true);
    }
    await waitFor('Python flagged again', () => (ltsDiagnostics(python.uri).length > 0 ? true : undefined));
  });
});
