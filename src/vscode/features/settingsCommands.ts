/** Commands that change settings: toggle inlay hints, allow a code (the quick fix "Allow N in this project"). */
import * as vscode from 'vscode';
import { isStatusCode } from '../../core';
import { SECTION } from '../config';
import { ProjectConfig } from '../projectConfig';

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

/**
 * "Allow 409": adds the code to the `.lts-status.json` that applies to the document (created at the folder's root
 * when there is none), which `lts-status check` reads too; without a folder, to `ltsStatus.allowedCodes` of the user
 * settings. Says where it wrote.
 */
export async function allowCode(project: ProjectConfig, code: unknown, resource?: vscode.Uri): Promise<void> {
  const value = Number(code);
  if (!isStatusCode(value)) return;
  const scope = resource ?? vscode.window.activeTextEditor?.document.uri;
  if (scope) {
    let written: vscode.Uri | undefined;
    try {
      written = await project.allow(value, scope);
    } catch (error) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Could not allow {0}: {1}', value, error instanceof Error ? error.message : String(error)));
      return;
    }
    if (written) {
      const open = vscode.l10n.t('Open');
      void vscode.window.showInformationMessage(vscode.l10n.t('Allowed {0} in {1}; lts-status check reads it too.', value,
        vscode.workspace.asRelativePath(written)), open).then((choice) => {
        if (choice === open) void vscode.window.showTextDocument(written);
      });
      return;
    }
  }
  await allowInSettings(value, resource);
}

/** Adds `code` to `ltsStatus.allowedCodes` of the workspace (user settings when no folder is open). */
async function allowInSettings(value: number, resource?: vscode.Uri): Promise<void> {
  const config = vscode.workspace.getConfiguration(SECTION, resource);
  const inWorkspace = (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
  const inspect = config.inspect<number[]>('allowedCodes');
  const current = (inWorkspace ? inspect?.workspaceValue : inspect?.globalValue) ?? [];
  if (current.includes(value)) return;
  const next = [...current, value].sort((a, b) => a - b);
  await config.update('allowedCodes', next, inWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
}
