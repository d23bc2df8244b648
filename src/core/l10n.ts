/**
 * Message translation seam. The extension passes `vscode.l10n.t`; the CLI and unit tests use {@link formatMessage},
 * which fills `{0}`-style placeholders in the English source string (the key of the l10n bundles).
 */
export type Translate = (message: string, ...args: Array<string | number>) => string;

export const formatMessage: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });
