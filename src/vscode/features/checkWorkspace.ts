/**
 * "LTS: Check Workspace": the CLI's check over the workspace, with a cancellable progress notification, filling the
 * Problems panel for files that are not open (open files are kept current by the diagnostics manager).
 */
import * as vscode from 'vscode';
import { CodeAnalysis, Finding, findUnlisted, Occurrence, readerForPath, splitLines } from '../../core';
import { LtsConfig, readConfig } from '../config';
import { MAX_EDITOR_CODE_CHARS } from '../documents';
import { EngineClient } from '../engineClient';
import { findCodeFiles, readCodeFile } from '../workspaceFiles';
import type { ProjectConfig } from '../projectConfig';
import type { WorkspaceFlow } from '../workspaceFlow';
import { DiagnosticsManager } from './diagnostics';

export interface CheckSummary {
  readonly files: number;
  readonly problems: number;
  readonly cancelled: boolean;
  /** True when the workspace has more candidate files than one check reads (MAX_FILES). */
  readonly truncated: boolean;
}

export { MAX_FILES } from '../workspaceFiles';

/** A file read by the check, kept until every file is read: status flow may add what another file sends. */
interface Checked {
  readonly uri: vscode.Uri;
  readonly languageId: string;
  readonly config: LtsConfig;
  readonly analysis: CodeAnalysis;
  readonly candidates: readonly Finding[];
}

/** Every unlisted code a handler of the file sends, suppression comments honoured (the configuration filters later). */
function candidatesOf(uri: vscode.Uri, occurrences: readonly Occurrence[], text: string): Finding[] {
  const lines = splitLines(text);
  return findUnlisted(occurrences, { t: vscode.l10n.t, lineAt: (line) => lines[line] ?? '', path: vscode.workspace.asRelativePath(uri, false) });
}

export async function checkWorkspace(engine: EngineClient, diagnostics: DiagnosticsManager, project: ProjectConfig, flow?: WorkspaceFlow)
  : Promise<CheckSummary> {
  const summary = await vscode.window.withProgress({
    location: vscode.ProgressLocation.Notification,
    title: vscode.l10n.t('LTS: Checking the workspace'),
    cancellable: true,
  }, async (progress, token) => {
    const { uris, truncated } = await findCodeFiles(token);
    let files = 0;
    let problems = 0;
    const checked: Checked[] = [];
    /** Files not parsed for want of a candidate: the index may ask for them by a name they mention. */
    const gated = new Set<string>();
    for (const uri of uris) {
      if (token.isCancellationRequested) return { files, problems, cancelled: true, truncated };
      progress.report({ increment: 100 / Math.max(1, uris.length), message: vscode.workspace.asRelativePath(uri) });
      const reader = readerForPath(uri.path);
      if (!reader || reader.kind !== 'code') continue;
      const config = await project.effective(uri, readConfig({ uri, languageId: reader.spec.languageIds[0] }));
      if (!config.diagnosticsEnabled || config.ignored) continue;
      files++;
      if (diagnostics.isOpen(uri)) continue;
      const text = await readCodeFile(uri, MAX_EDITOR_CODE_CHARS);
      if (text === undefined) continue;
      const analysis = await engine.analyze({ label: vscode.workspace.asRelativePath(uri), language: reader.spec.id, text }, 'background');
      if (token.isCancellationRequested) return { files, problems, cancelled: true, truncated };
      flow?.fromDocument(uri, analysis);
      if (analysis.skipped === 'noCandidates') gated.add(uri.toString());
      checked.push({ uri, languageId: reader.spec.languageIds[0], config, analysis, candidates: candidatesOf(uri, analysis.occurrences, text) });
    }
    // As `lts-status check` does: files that mention a name the flow asks for are parsed after all.
    if (flow) await flow.demandRounds(gated, token);
    if (token.isCancellationRequested) return { files, problems, cancelled: true, truncated };
    // Every file is read: the index now holds the whole workspace's flow. A file into which something flows from
    // another is read once more for its suppression comments.
    for (const { uri, languageId, config, analysis, candidates: own } of checked) {
      const merged = flow ? flow.merge(uri, analysis) : analysis;
      let candidates = own;
      if (merged !== analysis) {
        const text = await readCodeFile(uri, MAX_EDITOR_CODE_CHARS);
        candidates = candidatesOf(uri, merged.occurrences, text ?? '');
      }
      problems += diagnostics.showChecked(uri, languageId, candidates, config).length;
    }
    // Open files are kept current by the diagnostics manager; let it see the index, then count theirs.
    diagnostics.refreshAll();
    await diagnostics.settled();
    for (const uri of uris) {
      if (diagnostics.isOpen(uri)) problems += vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'LTS').length;
    }
    return { files, problems, cancelled: false, truncated };
  });
  const message = summary.cancelled
    ? vscode.l10n.t('LTS: check cancelled after {0} files ({1} problems so far).', summary.files, summary.problems)
    : summary.truncated
      ? vscode.l10n.t('LTS: checked the first {0} files, {1} problems; the workspace has more (narrow it with files.exclude or search.exclude).', summary.files, summary.problems)
      : vscode.l10n.t('LTS: checked {0} files, {1} problems.', summary.files, summary.problems);
  vscode.window.setStatusBarMessage(message, 5000);
  return summary;
}
