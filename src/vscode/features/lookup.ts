/**
 * "LTS: Look Up Status Code…": a filterable list of the table; a typed code the table lacks is shown as such with its
 * HTTP meaning. Picking an entry explains it and offers Insert Code and Copy.
 */
import * as vscode from 'vscode';
import { codeWithName, explainText, isStatusCode, lookupEntries, StatusInfo, suggestionsFor } from '../../core';
import { readConfig } from '../config';
import { DocumentAnalyzer } from '../documents';

export type LookupAction = 'insert' | 'copy';

/** Arguments for keybindings and scripts: `{ "query": "429" }` pre-fills; `{ "code": 429, "action": "copy" }` skips the UI. */
export interface LookupArgs {
  readonly query?: string | number;
  readonly code?: number;
  readonly action?: LookupAction;
}

export interface LookupResult {
  readonly code: number;
  readonly action?: LookupAction;
}

interface StatusPickItem extends vscode.QuickPickItem {
  readonly info: StatusInfo;
}

export class LookupCommand {
  constructor(private readonly analyzer: DocumentAnalyzer) {}

  async run(args: LookupArgs = {}): Promise<LookupResult | undefined> {
    if (args.code !== undefined && isStatusCode(Number(args.code)) && args.action) {
      await this.perform(Number(args.code), args.action);
      return { code: Number(args.code), action: args.action };
    }
    const initial = args.query !== undefined ? String(args.query) : await this.codeUnderCursor();
    const info = await this.pick(initial ?? '');
    if (!info) return undefined;
    const insert = vscode.l10n.t('Insert Code');
    const copy = vscode.l10n.t('Copy');
    const allowedCodes = readConfig(vscode.window.activeTextEditor?.document).allowedCodes;
    const choice = await vscode.window.showInformationMessage(explainText(info, { t: vscode.l10n.t, allowedCodes }), insert, copy);
    const action: LookupAction | undefined = choice === insert ? 'insert' : choice === copy ? 'copy' : undefined;
    if (action) await this.perform(info.code, action);
    return { code: info.code, action };
  }

  private pick(initial: string): Promise<StatusInfo | undefined> {
    const quickPick = vscode.window.createQuickPick<StatusPickItem>();
    quickPick.title = vscode.l10n.t('LTS status codes');
    quickPick.placeholder = vscode.l10n.t('Type a code, a returned value or words of a description');
    quickPick.matchOnDescription = true;
    quickPick.matchOnDetail = true;
    const update = (value: string) => {
      quickPick.items = lookupEntries(value).map(({ info, suggested }) => ({ ...toItem(info), alwaysShow: suggested }));
    };
    update(initial);
    quickPick.value = initial;
    return new Promise((resolve) => {
      let picked: StatusInfo | undefined;
      quickPick.onDidChangeValue(update);
      quickPick.onDidAccept(() => {
        picked = quickPick.selectedItems[0]?.info ?? quickPick.activeItems[0]?.info;
        quickPick.hide();
      });
      quickPick.onDidHide(() => {
        quickPick.dispose();
        resolve(picked);
      });
      quickPick.show();
    });
  }

  private async perform(code: number, action: LookupAction): Promise<void> {
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
    await editor.edit((edit) => {
      for (const selection of editor.selections) edit.replace(selection, String(code));
    });
  }

  /** The status code under the cursor: a detected occurrence, or a bare three-digit number. */
  private async codeUnderCursor(): Promise<string | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    const position = editor.selection.active;
    const occurrence = await this.analyzer.occurrenceAt(editor.document, position);
    if (occurrence) return String(occurrence.code);
    const word = editor.document.getWordRangeAtPosition(position, /\d{3}/);
    const text = word ? editor.document.getText(word) : undefined;
    return text && isStatusCode(Number(text)) ? text : undefined;
  }
}

function toItem(info: StatusInfo): StatusPickItem {
  if (info.row) {
    return {
      info,
      label: `${info.code} ${info.row.returnedValue}`,
      description: info.httpPhrase && info.httpPhrase !== info.row.returnedValue ? `HTTP: ${info.httpPhrase}` : undefined,
      detail: info.row.description,
    };
  }
  return {
    info,
    label: `$(warning) ${info.code}${info.httpPhrase ? ` ${info.httpPhrase}` : ''}`,
    description: vscode.l10n.t('not an LTS status code'),
    detail: vscode.l10n.t('Nearest listed: {0}', suggestionsFor(info.code).map(codeWithName).join(vscode.l10n.t(', or '))),
  };
}
