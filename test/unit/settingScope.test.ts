import * as assert from 'assert';
import { settingUpdate } from '../../src/core';

suite('where a settings command writes', () => {
  const defaults = { defaultValue: true };

  test('the workspace when a folder is open and nothing defines the setting; the user settings without a folder', () => {
    assert.deepStrictEqual(settingUpdate(defaults, false, true), { scope: 'workspace', value: false });
    assert.deepStrictEqual(settingUpdate(defaults, false, false), { scope: 'global', value: false });
  });

  test('a folder\'s own settings when they define it; else the workspace, whatever the user settings say', () => {
    assert.deepStrictEqual(settingUpdate({ ...defaults, globalValue: true }, false, true), { scope: 'workspace', value: false });
    assert.deepStrictEqual(settingUpdate({ ...defaults, globalValue: false, workspaceValue: false }, true, true), { scope: 'workspace', value: true });
    assert.deepStrictEqual(settingUpdate({ ...defaults, workspaceValue: false, workspaceFolderValue: false }, true, true),
      { scope: 'workspaceFolder', value: true }, 'removing the folder\'s entry would leave the workspace\'s false');
  });

  test('removes its entry when the broader scopes give the new value', () => {
    assert.deepStrictEqual(settingUpdate({ ...defaults, workspaceValue: false }, true, true), { scope: 'workspace', value: undefined });
    assert.deepStrictEqual(settingUpdate({ ...defaults, globalValue: false }, true, false), { scope: 'global', value: undefined });
    assert.deepStrictEqual(settingUpdate({ ...defaults, globalValue: false, workspaceValue: true }, false, true),
      { scope: 'workspace', value: undefined }, 'the user settings say false already');
  });

  test('toggling twice leaves every scope as it was', () => {
    // (A workspace entry that only repeats the broader scopes, `true` here, is removed on the way back: the value stays.)
    for (const [start, hasWorkspace] of [
      [{}, true], [{ globalValue: false }, true], [{ globalValue: true }, true], [{ workspaceValue: false }, true],
      [{ globalValue: false, workspaceValue: true }, true], [{}, false], [{ globalValue: false }, false],
    ] as const) {
      const values: Record<string, boolean | undefined> = { defaultValue: true, ...start };
      const effective = () => values.workspaceFolderValue ?? values.workspaceValue ?? values.globalValue ?? values.defaultValue;
      for (let i = 0; i < 2; i++) {
        const { scope, value } = settingUpdate(values, !effective(), hasWorkspace);
        values[`${scope}Value`] = value;
      }
      assert.deepStrictEqual(Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)), { defaultValue: true, ...start }, JSON.stringify([start, hasWorkspace]));
    }
  });
});
