/**
 * "LTS: Check Workspace": the CLI's check over the workspace, with a cancellable progress notification, filling the
 * Problems panel for files that are not open (open files are kept current by the diagnostics manager).
 */
import * as vscode from 'vscode';
import { findUnlisted, LANGUAGES, readerForPath, splitLines } from '../../core';
import { readConfig } from '../config';
import { MAX_EDITOR_CODE_CHARS } from '../documents';
import { EngineClient } from '../engineClient';
import { DiagnosticsManager } from './diagnostics';

export interface CheckSummary {
  readonly files: number;
  readonly problems: number;
  readonly cancelled: boolean;
}


export async function checkWorkspace(engine: EngineClient, diagnostics: DiagnosticsManager): Promise<CheckSummary> {
  const extensions = [...new Set(LANGUAGES.flatMap((spec) => spec.extensions))].map((ext) => ext.slice(1));
  const summary = await vscode.window.withProgress({
    location: vscode.ProgressLocation.Notification,
    title: vscode.l10n.t('LTS: Checking the workspace'),
    cancellable: true,
  }, async (progress, token) => {
    const uris = (await vscode.workspace.findFiles(`**/*.{${extensions.join(',')}}`, undefined, undefined, token))
      .filter((uri) => !uri.path.split('/').includes('node_modules'))
      .sort((a, b) => a.path.localeCompare(b.path));
    let files = 0;
    let problems = 0;
    for (const uri of uris) {
      if (token.isCancellationRequested) return { files, problems, cancelled: true };
      progress.report({ increment: 100 / Math.max(1, uris.length), message: vscode.workspace.asRelativePath(uri) });
      const reader = readerForPath(uri.path);
      if (!reader || reader.kind !== 'code') continue;
      const config = readConfig(uri);
      if (!config.diagnosticsEnabled) continue;
      files++;
      if (diagnostics.isOpen(uri)) {
        problems += vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'LTS').length;
        continue;
      }
      const bytes = await vscode.workspace.fs.readFile(uri).then((b) => b, () => undefined);
      if (!bytes || bytes.length > MAX_EDITOR_CODE_CHARS || bytes.subarray(0, 8000).includes(0)) continue;
      const text = new TextDecoder().decode(bytes);
      const analysis = await engine.analyze({ label: vscode.workspace.asRelativePath(uri), language: reader.spec.id, text }, 'background');
      if (token.isCancellationRequested) return { files, problems, cancelled: true };
      const lines = splitLines(text);
      const findings = findUnlisted(analysis.occurrences, { allowedCodes: config.allowedCodes, t: vscode.l10n.t, lineAt: (line) => lines[line] ?? '' });
      diagnostics.showChecked(uri, findings, config);
      problems += findings.length;
    }
    return { files, problems, cancelled: false };
  });
  const message = summary.cancelled
    ? vscode.l10n.t('LTS: check cancelled after {0} files ({1} problems so far).', summary.files, summary.problems)
    : vscode.l10n.t('LTS: checked {0} files, {1} problems.', summary.files, summary.problems);
  vscode.window.setStatusBarMessage(message, 5000);
  return summary;
}
