/** The desktop entry point (`main`): the engine in a Node worker thread, grammars read from the extension's folder. */
import * as vscode from 'vscode';
import { grammarLoader } from './grammars';
import { nodeWorkerTransport } from './nodeTransport';
import { activateServices, LtsStatusApi } from './services';

export type { LtsStatusApi } from './services';

export function activate(context: vscode.ExtensionContext): LtsStatusApi {
  return activateServices(context, {
    grammars: grammarLoader(context.extensionPath),
    worker: nodeWorkerTransport(context.extensionPath),
  });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
