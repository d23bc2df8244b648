/** Commands that change settings: toggle inlay hints, allow a code (the quick fix "Allow N in this workspace"). */
import * as vscode from 'vscode';
import { isStatusCode } from '../../core';
import { SECTION } from '../config';

/** Flips `ltsStatus.inlayHints.enabled` where it is set (workspace or user); returns the new value. */
export async function toggleInlayHints(): Promise<boolean> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const inspect = config.inspect<boolean>('inlayHints.enabled');
  const target = inspect?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const next = !config.get<boolean>('inlayHints.enabled', true);
  await config.update('inlayHints.enabled', next, target);
  vscode.window.setStatusBarMessage(next ? vscode.l10n.t('LTS inlay hints on') : vscode.l10n.t('LTS inlay hints off'), 3000);
  return next;
}

/** Adds `code` to `ltsStatus.allowedCodes` of the workspace (user settings when no folder is open). */
export async function allowCode(code: unknown, resource?: vscode.Uri): Promise<void> {
  const value = Number(code);
  if (!isStatusCode(value)) return;
  const config = vscode.workspace.getConfiguration(SECTION, resource);
  const inWorkspace = (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
  const inspect = config.inspect<number[]>('allowedCodes');
  const current = (inWorkspace ? inspect?.workspaceValue : inspect?.globalValue) ?? [];
  if (current.includes(value)) return;
  const next = [...current, value].sort((a, b) => a - b);
  await config.update('allowedCodes', next, inWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
}
