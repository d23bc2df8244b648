import * as vscode from 'vscode';
import { Services } from './services';

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(new Services(context));
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
