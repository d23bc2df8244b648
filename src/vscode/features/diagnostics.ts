/**
 * Problems-panel warnings for codes a handler sends that the LTS table does not list. Computed on open, on edit
 * (debounced; a newer edit cancels older work) and on settings changes; cleared when the document closes.
 */
import * as vscode from 'vscode';
import { Finding, findUnlisted, LTS_STATUS_SOURCE, UNLISTED_STATUS_RULE } from '../../core';
import { LtsConfig, readConfig, toSeverity } from '../config';
import { toRange } from '../convert';
import { DocumentAnalyzer, documentKind } from '../documents';
import { ProjectConfig } from '../projectConfig';

export const DIAGNOSTIC_SOURCE = 'LTS';
/** Schemes of read-only views of other versions of a file (source control, diffs). */
const READ_ONLY_SCHEMES = ['git', 'gitfs', 'git-index', 'scm-history-item', 'vscode-scm'];
const DEBOUNCE_MS = 300;

export class DiagnosticsManager implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('lts-status');
  private readonly pending = new Map<string, { timer: ReturnType<typeof setTimeout>; cancel: vscode.CancellationTokenSource }>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Files whose problems came from "Check Workspace": kept when their editor closes. */
  private readonly checkedOnDisk = new Set<string>();

  constructor(private readonly analyzer: DocumentAnalyzer, private readonly project: ProjectConfig, flowChanged?: vscode.Event<void>) {
    this.disposables.push(
      project.onDidChange(() => this.refreshAll()),
      // What flows between files changed (an error class, a helper, a constant elsewhere): re-check the open code.
      ...(flowChanged ? [flowChanged(() => this.refreshAll())] : []),
      this.collection,
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.schedule(event.document, DEBOUNCE_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.clear(document.uri)),
    );
    this.refreshAll();
  }

  /** Recomputes every open document (after a settings change). */
  refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    const kind = documentKind(document);
    if (!kind || kind.kind !== 'code') return;
    const key = document.uri.toString();
    this.cancelPending(key);
    const cancel = new vscode.CancellationTokenSource();
    const timer = setTimeout(() => {
      void this.update(document, cancel.token).finally(() => {
        if (this.pending.get(key)?.cancel === cancel) this.pending.delete(key);
        cancel.dispose();
      });
    }, delay);
    this.pending.set(key, { timer, cancel });
  }

  private async update(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<void> {
    const kind = documentKind(document);
    // Read-only views (a git diff's old side, a file at a commit) are not the code being written: no problems there.
    const readOnly = READ_ONLY_SCHEMES.includes(document.uri.scheme);
    const config = await this.project.effective(document.uri, readConfig(document));
    if (token.isCancellationRequested) return;
    if (!config.diagnosticsEnabled || config.ignored || readOnly || !kind || kind.kind !== 'code') {
      this.collection.delete(document.uri);
      return;
    }
    const version = document.version;
    const { occurrences, skipped } = await this.analyzer.codeAnalysis(document, kind.spec);
    if (token.isCancellationRequested || document.isClosed || document.version !== version) return;
    // This version could not be analysed (the log says why): the problems shown stay as they were.
    if (skipped === 'timeout' || skipped === 'crashed') return;
    const findings = findUnlisted(occurrences, {
      allowedCodes: config.allowedCodes,
      implicitCodes: config.implicitCodes,
      t: vscode.l10n.t,
      lineAt: (line) => document.lineAt(line).text,
    });
    this.show(document.uri, findings, config);
  }

  /** Resolves when no update is pending (or after a few seconds at most). */
  async settled(): Promise<void> {
    for (let waited = 0; this.pending.size > 0 && waited < 5_000; waited += 25) await new Promise((resolve) => setTimeout(resolve, 25));
  }

  /** Problems of a file that is not open, found by "Check Workspace". */
  showChecked(uri: vscode.Uri, findings: readonly Finding[], config: LtsConfig): void {
    this.checkedOnDisk.add(uri.toString());
    this.show(uri, findings, config);
  }

  /** True when an editor has the file open: its problems then follow the editor, not the disk. */
  isOpen(uri: vscode.Uri): boolean {
    return vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString());
  }

  private show(uri: vscode.Uri, findings: readonly Finding[], config: LtsConfig): void {
    const severity = toSeverity(config.severity);
    this.collection.set(uri, findings.map((finding) => {
      const diagnostic = new vscode.Diagnostic(toRange(finding.occurrence.range), finding.message, severity);
      diagnostic.source = DIAGNOSTIC_SOURCE;
      const sent = finding.occurrence.sentAt;
      if (sent) {
        // Where the code is sent (a sink in this file or another), so that the Problems panel can lead there.
        const target = sent.file ? vscode.Uri.parse(sent.file) : uri;
        diagnostic.relatedInformation = [new vscode.DiagnosticRelatedInformation(new vscode.Location(target, toRange(sent.range)),
          sent.fn ? vscode.l10n.t('Sent here by {0}', sent.fn) : vscode.l10n.t('Sent here'))];
      }
      diagnostic.code = { value: UNLISTED_STATUS_RULE, target: vscode.Uri.parse(LTS_STATUS_SOURCE.url) };
      return diagnostic;
    }));
  }

  private clear(uri: vscode.Uri): void {
    this.cancelPending(uri.toString());
    if (!this.checkedOnDisk.has(uri.toString())) this.collection.delete(uri);
    this.analyzer.forget(uri);
  }

  private cancelPending(key: string): void {
    const pending = this.pending.get(key);
    if (!pending) return;
    clearTimeout(pending.timer);
    pending.cancel.cancel();
    pending.cancel.dispose();
    this.pending.delete(key);
  }

  dispose(): void {
    for (const key of [...this.pending.keys()]) this.cancelPending(key);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
