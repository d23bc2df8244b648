/**
 * "LTS: Check Workspace": the CLI's check over the workspace, with a cancellable progress notification, filling the
 * Problems panel for files that are not open (open files are kept current by the diagnostics manager).
 */
import ignore, { Ignore } from 'ignore';
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
  /** True when the workspace has more candidate files than one check reads (MAX_FILES). */
  readonly truncated: boolean;
}

/** At most this many files per check; the summary says when a workspace has more. */
export const MAX_FILES = 20_000;

/**
 * The exclude glob for findFiles: `node_modules` and the `search.exclude` patterns that are simply on (`files.exclude`
 * applies anyway). Conditional entries (`{ "when": … }`) and patterns with braces of their own cannot be combined into
 * one glob and are left to the `.gitignore` filter and the user.
 */
function excludeGlob(): string {
  const searchExclude = vscode.workspace.getConfiguration('search').get<Record<string, unknown>>('exclude') ?? {};
  const patterns = ['**/node_modules/**', ...Object.entries(searchExclude)
    .filter(([pattern, on]) => on === true && !/[{}]/.test(pattern))
    .map(([pattern]) => pattern)];
  return `{${patterns.join(',')}}`;
}

/** Drops what a `.gitignore` of the workspace ignores (each file's rules apply below its folder), when search does. */
async function gitignoreFilter(exclude: string, token: vscode.CancellationToken): Promise<(uri: vscode.Uri) => boolean> {
  if (!vscode.workspace.getConfiguration('search').get<boolean>('useIgnoreFiles', true)) return () => true;
  const scopes: Array<{ dir: string; rules: Ignore }> = [];
  for (const uri of await vscode.workspace.findFiles('**/.gitignore', exclude, 1000, token)) {
    const bytes = await vscode.workspace.fs.readFile(uri).then((b) => b, () => undefined);
    if (bytes) scopes.push({ dir: uri.path.slice(0, uri.path.lastIndexOf('/') + 1), rules: ignore().add(new TextDecoder().decode(bytes)) });
  }
  return (uri) => !scopes.some(({ dir, rules }) => uri.path.startsWith(dir) && rules.ignores(uri.path.slice(dir.length)));
}

export async function checkWorkspace(engine: EngineClient, diagnostics: DiagnosticsManager): Promise<CheckSummary> {
  const extensions = [...new Set(LANGUAGES.flatMap((spec) => spec.extensions))].map((ext) => ext.slice(1));
  const summary = await vscode.window.withProgress({
    location: vscode.ProgressLocation.Notification,
    title: vscode.l10n.t('LTS: Checking the workspace'),
    cancellable: true,
  }, async (progress, token) => {
    const exclude = excludeGlob();
    // One more than the limit tells whether there were more.
    const found = await vscode.workspace.findFiles(`**/*.{${extensions.join(',')}}`, exclude, MAX_FILES + 1, token);
    const truncated = found.length > MAX_FILES;
    const kept = await gitignoreFilter(exclude, token);
    const uris = found.slice(0, MAX_FILES).filter(kept).sort((a, b) => a.path.localeCompare(b.path));
    let files = 0;
    let problems = 0;
    for (const uri of uris) {
      if (token.isCancellationRequested) return { files, problems, cancelled: true, truncated };
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
      if (token.isCancellationRequested) return { files, problems, cancelled: true, truncated };
      const lines = splitLines(text);
      const findings = findUnlisted(analysis.occurrences, { allowedCodes: config.allowedCodes, t: vscode.l10n.t, lineAt: (line) => lines[line] ?? '' });
      diagnostics.showChecked(uri, findings, config);
      problems += findings.length;
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
