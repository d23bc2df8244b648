/**
 * The language status items ({ } in the status bar) of the languages the extension reads: how many codes of the
 * active file the LTS table does not list (with Look Up one click away), and whether the file could be analysed
 * (a warning after a time limit or an engine crash, with the log one click away). Quiet while all is well.
 */
import * as vscode from 'vscode';
import { MINIFIED_LINE_CHARS } from '../../core';
import { CommandId } from '../commands';
import { DocumentAnalyzer } from '../documents';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

/** What the items show, for the extension's API (integration tests read it). */
export interface LanguageStatusView {
  readonly id: string;
  readonly text: string;
  readonly detail: string | undefined;
  readonly command: string | undefined;
}

export function registerLanguageStatus(selector: vscode.DocumentSelector, analyzer: DocumentAnalyzer)
  : vscode.Disposable & { readonly view: () => LanguageStatusView[] } {
  const findings = vscode.languages.createLanguageStatusItem('ltsStatus.findings', selector);
  findings.name = vscode.l10n.t('LTS Status Codes');
  findings.command = { command: CommandId.Lookup, title: vscode.l10n.t('Look Up…'), tooltip: vscode.l10n.t('LTS: Look Up Status Code…') };

  const analysis = vscode.languages.createLanguageStatusItem('ltsStatus.analysis', selector);
  analysis.name = vscode.l10n.t('LTS Status Codes: analysis');
  analysis.command = { command: CommandId.ShowLog, title: vscode.l10n.t('Show Log') };

  const updateFindings = () => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const count = uri ? vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE).length : 0;
    findings.text = count === 0 ? vscode.l10n.t('LTS: all codes listed')
      : count === 1 ? vscode.l10n.t('LTS: 1 code not listed') : vscode.l10n.t('LTS: {0} codes not listed', count);
    findings.detail = count === 0
      ? vscode.l10n.t('Status codes explained and checked')
      : vscode.l10n.t('Handlers in this file send codes the LTS table does not list (Problems panel)');
  };
  const updateAnalysis = () => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const reason = uri && analyzer.skipReason(uri);
    analysis.text = reason ? vscode.l10n.t('LTS: not analysed') : vscode.l10n.t('LTS: analysed');
    analysis.detail = reason === 'timeout'
      ? vscode.l10n.t('This file took longer than the time limit; it is analysed again when it changes.')
      : reason === 'crashed'
        ? vscode.l10n.t('This file made the syntax engine fail; it is analysed again when it changes.')
        : reason === 'minified'
          ? vscode.l10n.t('This file is minified (its lines average over {0} characters): it repeats its sources, so it is not analysed.', MINIFIED_LINE_CHARS.toLocaleString('en-US'))
          : undefined;
    analysis.severity = reason && reason !== 'minified' ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  };
  updateFindings();
  updateAnalysis();
  const disposable = vscode.Disposable.from(
    findings,
    analysis,
    analyzer.onDidChangeSkipped(updateAnalysis),
    vscode.languages.onDidChangeDiagnostics((event) => {
      const uri = vscode.window.activeTextEditor?.document.uri.toString();
      if (uri && event.uris.some((changed) => changed.toString() === uri)) updateFindings();
    }),
    vscode.window.onDidChangeActiveTextEditor(() => {
      updateFindings();
      updateAnalysis();
    }),
  );
  const view = () => [findings, analysis].map((item) => ({ id: item.id, text: item.text, detail: item.detail, command: item.command?.command }));
  return Object.assign(disposable, { view });
}
