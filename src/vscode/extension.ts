import * as vscode from 'vscode';
import { Services } from './services';

/** What the extension exports to other extensions (and its integration tests): read-only facts about its state. */
export interface LtsStatusApi {
  /** The latest warnings and errors of the extension's log, oldest first. */
  recentLog(): readonly string[];
  /** How often the engine worker was replaced after a crash or a time limit. */
  engineRestarts(): number;
}

export function activate(context: vscode.ExtensionContext): LtsStatusApi {
  const services = new Services(context);
  context.subscriptions.push(services);
  return {
    recentLog: () => [...services.logger.recent],
    engineRestarts: () => services.engine.restarts,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
