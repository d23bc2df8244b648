/**
 * The web entry point (`browser`): vscode.dev, github.dev and other browser hosts. Grammars are read through
 * `vscode.workspace.fs` from the extension's URI; the engine runs in a Web Worker where the host allows one
 * (vscode.dev does; code-server refuses workers to extensions it serves itself), otherwise in the extension host.
 * No Node built-in is imported here or below.
 */
import * as vscode from 'vscode';
import { GrammarLoader } from '../core';
import { activateServices, LtsStatusApi } from './services';
import { hostTransport } from './engineHost';
import { webWorkerTransport } from './webTransport';

export type { LtsStatusApi } from './services';

function webGrammarLoader(extensionUri: vscode.Uri): GrammarLoader {
  const file = (...parts: string[]) => vscode.Uri.joinPath(extensionUri, 'dist', ...parts);
  return {
    runtimeLocation: () => file('grammars', 'tree-sitter.wasm').toString(true),
    runtimeBinary: () => Promise.resolve(vscode.workspace.fs.readFile(file('grammars', 'tree-sitter.wasm'))),
    grammar: (name) => Promise.resolve(vscode.workspace.fs.readFile(file('grammars', `tree-sitter-${name}.wasm`))),
    query: async (name) => new TextDecoder().decode(await vscode.workspace.fs.readFile(file('queries', ...name.split('/')))),
  };
}

export function activate(context: vscode.ExtensionContext): LtsStatusApi {
  return activateServices(context, {
    hostEngine: (logger) => hostTransport(webGrammarLoader(context.extensionUri), logger),
    worker: webWorkerTransport(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'engine-worker.js').toString(true)),
  });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
