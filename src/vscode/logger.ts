/** A `LogOutputChannel` created on first use and never revealed on its own; users set its level. */
import * as vscode from 'vscode';
import { Logger } from '../core';

export class ChannelLogger implements Logger, vscode.Disposable {
  private channel: vscode.LogOutputChannel | undefined;

  private get output(): vscode.LogOutputChannel {
    this.channel ??= vscode.window.createOutputChannel('LTS Status Codes', { log: true });
    return this.channel;
  }

  debug(message: string): void { this.output.debug(message); }
  info(message: string): void { this.output.info(message); }
  warn(message: string): void { this.output.warn(message); }
  error(message: string, error?: unknown): void {
    this.output.error(error instanceof Error ? `${message}: ${error.stack ?? error.message}` : message);
  }

  show(): void { this.output.show(true); }

  dispose(): void { this.channel?.dispose(); }
}
