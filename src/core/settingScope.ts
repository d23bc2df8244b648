/**
 * Where a command that changes a setting writes (Toggle Inlay Hints): at a folder's own settings when they define the
 * setting, else at the workspace when a folder is open (never the user settings then), else at the user settings.
 * When the value there would only repeat what the broader scopes give, the entry is removed instead, so that toggling
 * twice leaves the settings files as they were.
 */
export type SettingScope = 'workspaceFolder' | 'workspace' | 'global';

/** The values of a setting by scope, as `WorkspaceConfiguration.inspect` gives them. */
export interface SettingValues<T> {
  readonly defaultValue?: T;
  readonly globalValue?: T;
  readonly workspaceValue?: T;
  readonly workspaceFolderValue?: T;
}

/** The scope to write and the value to write there (`undefined`: remove the entry). */
export function settingUpdate<T>(values: SettingValues<T>, next: T, hasWorkspace: boolean): { scope: SettingScope; value: T | undefined } {
  const scope: SettingScope = values.workspaceFolderValue !== undefined ? 'workspaceFolder' : hasWorkspace ? 'workspace' : 'global';
  const broader = scope === 'workspaceFolder' ? values.workspaceValue ?? values.globalValue ?? values.defaultValue
    : scope === 'workspace' ? values.globalValue ?? values.defaultValue
      : values.defaultValue;
  return { scope, value: broader === next ? undefined : next };
}
