/** Command ids, in one place (they are also declared in package.json; test/unit/manifest.test.ts keeps both in step). */
export const enum CommandId {
  Lookup = 'ltsStatus.lookup',
  ToggleInlayHints = 'ltsStatus.toggleInlayHints',
  AllowCode = 'ltsStatus.allowCode',
  ShowLog = 'ltsStatus.showLog',
  CheckWorkspace = 'ltsStatus.checkWorkspace',
  ClearWorkspaceProblems = 'ltsStatus.clearWorkspaceProblems',
  CopyCode = 'ltsStatus.copyCode',
  InsertCode = 'ltsStatus.insertCode',
  ClearLookedUp = 'ltsStatus.clearLookedUp',
}
