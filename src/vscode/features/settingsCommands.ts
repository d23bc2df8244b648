/** Commands that change settings: toggle inlay hints, allow a code (the quick fix "Allow N in this project"). */
import * as vscode from 'vscode';
import { isStatusCode, settingUpdate } from '../../core';
import { SECTION } from '../config';
import { ProjectConfig } from '../projectConfig';

const TARGETS = {
  workspaceFolder: vscode.ConfigurationTarget.WorkspaceFolder,
  workspace: vscode.ConfigurationTarget.Workspace,
  global: vscode.ConfigurationTarget.Global,
} as const;

/**
 * Flips `ltsStatus.inlayHints.enabled` for the active document: in a folder's own settings when they define it, else
 * in the workspace's when a folder is open, else in the user settings; the entry is removed when the broader scopes
 * give the new value, so that toggling twice leaves the settings as they were (core/settingScope.ts). Returns the new
 * value.
 */
export async function toggleInlayHints(): Promise<boolean> {
  const resource = vscode.window.activeTextEditor?.document.uri;
  const config = vscode.workspace.getConfiguration(SECTION, resource);
  const next = !config.get<boolean>('inlayHints.enabled', true);
  const inspect = config.inspect<boolean>('inlayHints.enabled');
  const hasWorkspace = (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
  // With one folder open (no .code-workspace), the folder's settings are the workspace's: inspect reports the same
  // value for both.
  const multiRoot = vscode.workspace.workspaceFile !== undefined;
  const { scope, value } = settingUpdate({ ...inspect, workspaceFolderValue: multiRoot ? inspect?.workspaceFolderValue : undefined }, next, hasWorkspace);
  // A folder's own value needs the folder: without a document in it, the workspace's.
  const target = scope === 'workspaceFolder' && !(resource && vscode.workspace.getWorkspaceFolder(resource)) ? 'workspace' : scope;
  await config.update('inlayHints.enabled', value, TARGETS[target]);
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

/** Adds `code` to `ltsStatus.allowedCodes` of the workspace (user settings when no folder is open), and says where. */
async function allowInSettings(value: number, resource?: vscode.Uri): Promise<void> {
  const config = vscode.workspace.getConfiguration(SECTION, resource);
  const inWorkspace = (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
  const inspect = config.inspect<number[]>('allowedCodes');
  const current = (inWorkspace ? inspect?.workspaceValue : inspect?.globalValue) ?? [];
  const where = inWorkspace ? vscode.l10n.t('the workspace settings') : vscode.l10n.t('the user settings');
  if (!current.includes(value)) {
    const next = [...current, value].sort((a, b) => a - b);
    await config.update('allowedCodes', next, inWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
  }
  const open = vscode.l10n.t('Open Settings');
  void vscode.window.showInformationMessage(vscode.l10n.t('Allowed {0} in {1} ({2}).', value, where, 'ltsStatus.allowedCodes'), open)
    .then((choice) => {
      if (choice === open) void vscode.commands.executeCommand(inWorkspace ? 'workbench.action.openWorkspaceSettingsFile' : 'workbench.action.openSettingsJson');
    });
}
