/**
 * The language status item ({ } in the status bar) of the languages the extension reads: quiet while all is well,
 * a warning when the active file could not be analysed (time limit, engine crash), with the log one click away.
 */
import * as vscode from 'vscode';
import { CommandId } from '../commands';
import { DocumentAnalyzer } from '../documents';

export function registerLanguageStatus(selector: vscode.DocumentSelector, analyzer: DocumentAnalyzer): vscode.Disposable {
  const item = vscode.languages.createLanguageStatusItem('ltsStatus.analysis', selector);
  item.name = vscode.l10n.t('LTS Status Codes');
  item.command = { command: CommandId.ShowLog, title: vscode.l10n.t('Show Log') };

  const update = () => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const reason = uri && analyzer.skipReason(uri);
    item.text = reason ? vscode.l10n.t('LTS: not analysed') : vscode.l10n.t('LTS');
    item.detail = reason === 'timeout'
      ? vscode.l10n.t('This file took longer than the time limit; it is analysed again when it changes.')
      : reason === 'crashed'
        ? vscode.l10n.t('This file made the syntax engine fail; it is analysed again when it changes.')
        : vscode.l10n.t('Status codes explained and checked');
    item.severity = reason ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  };
  update();
  return vscode.Disposable.from(
    item,
    analyzer.onDidChangeSkipped(update),
    vscode.window.onDidChangeActiveTextEditor(update),
  );
}
