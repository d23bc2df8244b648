/** The desktop entry point (`main`): the engine in a Node worker thread, grammars read from the extension's folder. */
import * as path from 'path';
import * as vscode from 'vscode';
import { Logger } from '../core';
import type * as EngineHost from './engineHost';
import { grammarLoader } from './grammars';
import { nodeWorkerTransport } from './nodeTransport';
import { activateServices, LtsStatusApi } from './services';

export type { LtsStatusApi } from './services';

export function activate(context: vscode.ExtensionContext): LtsStatusApi {
  return activateServices(context, {
    hostEngine: (logger: Logger) => loadEngineHost(context.extensionPath).hostTransport(grammarLoader(context.extensionPath), logger),
    worker: nodeWorkerTransport(context.extensionPath),
  });
}

/**
 * dist/engine-host.js, a bundle of its own (the engine and the tree-sitter runtime's JavaScript), read only when no
 * worker can start. Not a literal require, so the bundler leaves it out of dist/extension.js.
 */
function loadEngineHost(extensionPath: string): typeof EngineHost {
  const file = path.join(extensionPath, 'dist', 'engine-host.js');
  return require(file) as typeof EngineHost;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
