/** A `LogOutputChannel` created on first use and never revealed on its own; users set its level. */
import * as vscode from 'vscode';
import { Logger } from '../core';

/** How many recent lines (information, warnings, errors) the logger keeps for the extension's API (tests read them). */
const RECENT = 100;

export class ChannelLogger implements Logger, vscode.Disposable {
  private channel: vscode.LogOutputChannel | undefined;
  /** The latest lines of information, warnings and errors, oldest first. */
  readonly recent: string[] = [];

  private get output(): vscode.LogOutputChannel {
    this.channel ??= vscode.window.createOutputChannel('LTS Status Codes', { log: true });
    return this.channel;
  }

  debug(message: string): void { this.output.debug(message); }
  info(message: string): void {
    this.remember(message);
    this.output.info(message);
  }
  warn(message: string): void {
    this.remember(message);
    this.output.warn(message);
  }
  error(message: string, error?: unknown): void {
    const text = error instanceof Error ? `${message}: ${error.stack ?? error.message}` : message;
    this.remember(text);
    this.output.error(text);
  }

  private remember(message: string): void {
    this.recent.push(message);
    if (this.recent.length > RECENT) this.recent.shift();
  }

  show(): void { this.output.show(true); }

  dispose(): void { this.channel?.dispose(); }
}
