/**
 * "LTS: Look Up Status Code…": a filterable list of the table; a typed code the table lacks is shown as such with its
 * HTTP meaning. The picked entry is shown in the "LTS Status Codes" view, where it stays (with Copy and Insert there).
 */
import * as vscode from 'vscode';
import { codeWithName, errorRow, isStatusCode, lookupEntries, LTS_ERROR_ROWS, LtsErrorRow, StatusInfo, suggestionsFor } from '../../core';
import { DocumentAnalyzer } from '../documents';
import { codeInStyle } from './completion';

export type LookupAction = 'insert' | 'copy';

/**
 * Arguments for keybindings and scripts: `{ "query": "429" }` pre-fills; `{ "code": 429 }` (or `"code": "LTS.0205"`)
 * shows the entry in the view; `{ "code": 429, "action": "copy" }` copies or inserts without any UI.
 */
export interface LookupArgs {
  readonly query?: string | number;
  readonly code?: number | string;
  readonly action?: LookupAction;
}

export interface LookupResult {
  /** A status code, or an LTS error code such as `LTS.0205`. */
  readonly code: number | string;
  readonly action?: LookupAction;
}

type Picked = { readonly info: StatusInfo } | { readonly errorRow: LtsErrorRow };
interface PickItem extends vscode.QuickPickItem {
  readonly info?: StatusInfo;
  readonly errorRow?: LtsErrorRow;
}

export class LookupCommand {
  /** `show`: shows a status code or an LTS error code where it stays (the view). */
  constructor(private readonly analyzer: DocumentAnalyzer, private readonly show: (code: number | string) => Promise<void>) {}

  async run(args: LookupArgs = {}): Promise<LookupResult | undefined> {
    const direct = args.code !== undefined ? codeText(args.code) : undefined;
    if (direct !== undefined && args.action) {
      await this.perform(direct, args.action);
      return { code: args.code!, action: args.action };
    }
    if (direct !== undefined) {
      const value = /^\d{3}$/.test(direct) ? Number(direct) : direct;
      await this.show(value);
      return { code: value };
    }
    const initial = args.query !== undefined ? String(args.query) : await this.codeUnderCursor();
    const picked = await this.pick(initial ?? '');
    if (!picked) return undefined;
    const value: number | string = 'info' in picked ? picked.info.code : picked.errorRow.errorCode;
    await this.show(value);
    return { code: value };
  }

  private pick(initial: string): Promise<Picked | undefined> {
    const quickPick = vscode.window.createQuickPick<PickItem>();
    quickPick.title = vscode.l10n.t('LTS status codes');
    quickPick.placeholder = vscode.l10n.t('Type a code, a returned value, words of a description or an LTS error code');
    quickPick.matchOnDescription = true;
    quickPick.matchOnDetail = true;
    const errorItems: PickItem[] = [
      { label: vscode.l10n.t('LTS error codes'), kind: vscode.QuickPickItemKind.Separator },
      ...LTS_ERROR_ROWS.map((row): PickItem => ({
        errorRow: row,
        label: row.errorCode,
        description: codeWithName(row.responseCode),
        detail: vscode.l10n.t(row.description),
      })),
    ];
    const update = (value: string) => {
      quickPick.items = [
        ...lookupEntries(value).map(({ info, suggested }) => ({ ...toItem(info), alwaysShow: suggested })),
        ...errorItems,
      ];
    };
    update(initial);
    quickPick.value = initial;
    return new Promise((resolve) => {
      let picked: Picked | undefined;
      quickPick.onDidChangeValue(update);
      quickPick.onDidAccept(() => {
        const item = quickPick.selectedItems[0] ?? quickPick.activeItems[0];
        picked = item?.info ? { info: item.info } : item?.errorRow ? { errorRow: item.errorRow } : undefined;
        quickPick.hide();
      });
      quickPick.onDidHide(() => {
        quickPick.dispose();
        resolve(picked);
      });
      quickPick.show();
    });
  }

  async perform(code: string, action: LookupAction): Promise<void> {
    if (action === 'copy') {
      await vscode.env.clipboard.writeText(String(code));
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', code), 3000);
      return;
    }
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open an editor to insert {0}.', code));
      return;
    }
    // In the file's style: `HttpStatus.BAD_REQUEST` where the file names codes that way.
    const text = await codeInStyle(this.analyzer, editor.document, code);
    await editor.edit((edit) => {
      for (const selection of editor.selections) edit.replace(selection, text);
    });
  }

  /** The code under the cursor: an LTS error code, a detected occurrence, or a bare three-digit number. */
  private async codeUnderCursor(): Promise<string | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    const position = editor.selection.active;
    const errorCode = this.analyzer.errorCodeAt(editor.document, position);
    if (errorCode) return errorCode.errorCode;
    const occurrence = await this.analyzer.occurrenceAt(editor.document, position);
    if (occurrence) return String(occurrence.code);
    const word = editor.document.getWordRangeAtPosition(position, /\d{3}/);
    const text = word ? editor.document.getText(word) : undefined;
    return text && isStatusCode(Number(text)) ? text : undefined;
  }
}

/** A status code or a listed LTS error code as text, or undefined when it is neither. */
function codeText(code: number | string): string | undefined {
  const text = String(code).trim();
  if (/^\d{3}$/.test(text) && isStatusCode(Number(text))) return text;
  return errorRow(text)?.errorCode;
}

function toItem(info: StatusInfo): PickItem {
  if (info.row) {
    return {
      info,
      label: `${info.code} ${info.row.returnedValue}`,
      description: info.httpPhrase && info.httpPhrase !== info.row.returnedValue ? `HTTP: ${info.httpPhrase}` : undefined,
      detail: vscode.l10n.t(info.row.description),
    };
  }
  return {
    info,
    label: `$(warning) ${info.code}${info.httpPhrase ? ` ${info.httpPhrase}` : ''}`,
    description: vscode.l10n.t('not an LTS status code'),
    detail: vscode.l10n.t('Nearest listed: {0}', suggestionsFor(info.code).map(codeWithName).join(vscode.l10n.t(', or '))),
  };
}
