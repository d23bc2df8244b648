// The test harness in the web worker extension host (bundled to out/test/web-harness/extension.js, the `browser` entry
// of a harness extension that test/vscode-server/run-tests.mjs stages for `--hosts web`). A web worker has no
// environment variables and no file system of its own: the runner leaves `.lts-test/config.json` in the workspace
// and reads the events this harness writes to `.lts-test/events.jsonl` through vscode.workspace.fs.
import type * as MochaTypes from 'mocha';
import * as vscode from 'vscode';
import { appendEvent, setEventSink, TestEvent } from '../events';
import { describeError, eventsReporter } from '../reporter';

declare const mocha: { setup(options: MochaTypes.MochaOptions): void; run(done: (failures: number) => void): void };
declare const Mocha: typeof MochaTypes;

interface HarnessConfig {
  readonly grep?: string;
}

export function activate(): void {
  // Run after activation returns, so the extension host is not held up by the suite.
  setTimeout(() => void run().catch(async (error) => {
    // The runner reads this as the reason the suite could not run.
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) return;
    const line = JSON.stringify({ event: 'error', error: describeError(error) }) + '\n';
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder.uri, '.lts-test', 'events.jsonl'), new TextEncoder().encode(line));
  }), 0);
}

export function deactivate(): void {}

async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return;
  const dir = vscode.Uri.joinPath(folder.uri, '.lts-test');
  let config: HarnessConfig;
  try {
    config = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, 'config.json'))));
  } catch {
    return; // Not a test run.
  }
  // The whole file is written again after each event, in order; the runner reads what is new.
  const eventsUri = vscode.Uri.joinPath(dir, 'events.jsonl');
  let text = '';
  let writes = Promise.resolve();
  setEventSink({
    append(event: TestEvent) {
      text += JSON.stringify(event) + '\n';
      const snapshot = new TextEncoder().encode(text);
      writes = writes.then(() => vscode.workspace.fs.writeFile(eventsUri, snapshot), () => undefined);
    },
  });
  try {
    // Loaded only now: mocha's browser build sets globals (mocha, Mocha, a process shim) that a test run needs.
    require('mocha/mocha.js');
    mocha.setup({
      ui: 'tdd',
      // Catches a hang only, as in the Node entry.
      timeout: 60_000,
      reporter: eventsReporter(Mocha.reporters.Base, Mocha.Runner.constants, 'web worker extension host'),
      ...(config.grep ? { grep: config.grep } : {}),
    });
    // After setup, which defines suite() and test(). The robustness suite is left out: without a nested worker
    // (code-server allows none to the extensions it serves) a WebAssembly trap cannot be contained in the host.
    suite('web worker extension host', () => {
      test('the extension runs its web build here, without Node', async () => {
        const extension = vscode.extensions.getExtension('lts-status.lts-status-codes');
        if (!extension) throw new Error('the extension is installed');
        await extension.activate();
        if (extension.extensionKind !== vscode.ExtensionKind.UI) throw new Error(`runs in the browser (kind ${extension.extensionKind})`);
        if (extension.packageJSON.main !== undefined || !extension.packageJSON.browser) throw new Error('only the browser entry is installed');
        if ((globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node) throw new Error('no Node here');
      });
    });
    require('../a-first-warnings.test');
    require('../check-workspace.test');
    require('../zh-cn.test');
    require('../completion.test');
    require('../view.test');
    require('../features.test');
    require('../flow.test');
    require('../languages.test');
    require('../logs.test');
    await new Promise<void>((resolve) => mocha.run(() => resolve()));
  } catch (error) {
    appendEvent({ event: 'fail', title: 'web harness', error: describeError(error) });
    appendEvent({ event: 'end', passed: 0, failed: 1, pending: 0 });
  }
  await writes;
}
