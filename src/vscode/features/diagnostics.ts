/**
 * Problems-panel warnings for codes a handler sends that the LTS table does not list. Computed on open, on edit
 * (debounced; a newer edit cancels older work) and on settings changes; cleared when the document closes.
 * Problems that "Check Workspace" found in files that are not open are kept with what they were computed from, so a
 * change of the settings or of `.lts-status.json` filters them again, and a deleted or renamed file loses them.
 */
import * as vscode from 'vscode';
import { Finding, findUnlisted, LTS_STATUS_SOURCE, UNLISTED_STATUS_RULE } from '../../core';
import { LtsConfig, readConfig, SECTION, toSeverity } from '../config';
import { toRange } from '../convert';
import { DocumentAnalyzer, documentKind } from '../documents';
import { ProjectConfig } from '../projectConfig';

export const DIAGNOSTIC_SOURCE = 'LTS';
/** Schemes of read-only views of other versions of a file (source control, diffs). */
const READ_ONLY_SCHEMES = ['git', 'gitfs', 'git-index', 'scm-history-item', 'vscode-scm'];
const DEBOUNCE_MS = 300;

interface CheckedFile {
  readonly uri: vscode.Uri;
  readonly languageId: string;
  readonly candidates: readonly Finding[];
}

export class DiagnosticsManager implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('lts-status');
  private readonly pending = new Map<string, { timer: ReturnType<typeof setTimeout>; cancel: vscode.CancellationTokenSource }>();
  private readonly disposables: vscode.Disposable[] = [];
  private refilters = 0;
  /**
   * Files whose problems came from "Check Workspace", with every unlisted code found there before the configuration
   * filtered them (suppression comments already applied): kept when their editor closes, filtered again when the
   * configuration changes.
   */
  private readonly checkedOnDisk = new Map<string, CheckedFile>();
  /** Open documents whose file was deleted: no problems while they are unchanged (nothing on disk to fix). */
  private readonly gone = new Set<string>();

  constructor(private readonly analyzer: DocumentAnalyzer, private readonly project: ProjectConfig, flowChanged?: vscode.Event<void>) {
    this.disposables.push(
      project.onDidChange(() => {
        this.refreshAll();
        void this.refilterChecked();
      }),
      // What flows between files changed (an error class, a helper, a constant elsewhere): re-check the open code.
      ...(flowChanged ? [flowChanged(() => this.refreshAll())] : []),
      this.collection,
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.schedule(event.document, DEBOUNCE_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.gone.delete(document.uri.toString());
        this.clear(document.uri);
      }),
      // A checked file that is deleted or renamed (in the editor or on disk) takes its problems with it.
      vscode.workspace.onDidDeleteFiles((event) => event.files.forEach((uri) => this.forgetChecked(uri))),
      vscode.workspace.onDidRenameFiles((event) => event.files.forEach(({ oldUri }) => this.forgetChecked(oldUri))),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(SECTION)) void this.refilterChecked();
      }),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    this.disposables.push(watcher, watcher.onDidDelete((uri) => this.forgetChecked(uri)), watcher.onDidCreate((uri) => void this.recreated(uri)));
    this.refreshAll();
  }

  /**
   * A deleted file that is there again gets its problems back. The watcher's events can come late, so a file created
   * and then deleted may be announced as created after its deletion: it counts only if it is there now.
   */
  private async recreated(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    if (!this.gone.has(key)) return;
    const there = await vscode.workspace.fs.stat(uri).then(() => true, () => false);
    if (there && this.gone.delete(key)) this.refresh(uri);
  }

  private refresh(uri: vscode.Uri): void {
    const document = vscode.workspace.textDocuments.find((open) => open.uri.toString() === uri.toString());
    if (document) this.schedule(document, 0);
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
    const version = document.version;
    const deleted = this.gone.has(document.uri.toString()) && !document.isDirty;
    const wanted = !readOnly && !deleted && kind?.kind === 'code';
    // The configuration (files read up the folders) and the analysis go on side by side.
    const [config, analysis] = await Promise.all([
      this.project.effective(document.uri, readConfig(document)),
      wanted && kind?.kind === 'code' ? this.analyzer.codeAnalysis(document, kind.spec) : undefined,
    ]);
    if (token.isCancellationRequested) return;
    if (!config.diagnosticsEnabled || config.ignored || !analysis) {
      this.collection.delete(document.uri);
      return;
    }
    const { occurrences, skipped } = analysis;
    if (token.isCancellationRequested || document.isClosed || document.version !== version) return;
    // Deleted while it was being analysed: it keeps no problems.
    if (this.gone.has(document.uri.toString()) && !document.isDirty) {
      this.collection.delete(document.uri);
      return;
    }
    // This version could not be analysed (the log says why): the problems shown stay as they were.
    if (skipped === 'timeout' || skipped === 'crashed') return;
    const candidates = findUnlisted(occurrences, {
      t: vscode.l10n.t, lineAt: (line) => document.lineAt(line).text, path: vscode.workspace.asRelativePath(document.uri, false),
    });
    // A checked file open in an editor: what it shows when closed again is what was last read of it on disk.
    const checked = this.checkedOnDisk.get(document.uri.toString());
    if (checked && !document.isDirty) this.checkedOnDisk.set(document.uri.toString(), { ...checked, candidates });
    this.show(document.uri, filterFindings(candidates, config), config);
  }

  /** Resolves when no update is pending (or after a few seconds at most). */
  async settled(): Promise<void> {
    for (let waited = 0; this.pending.size > 0 && waited < 5_000; waited += 25) await new Promise((resolve) => setTimeout(resolve, 25));
  }

  /**
   * Problems of a file that is not open, found by "Check Workspace": `candidates` are all unlisted codes of the file
   * (suppression comments applied, the configuration not yet), `config` the configuration that applies now.
   */
  showChecked(uri: vscode.Uri, languageId: string, candidates: readonly Finding[], config: LtsConfig): Finding[] {
    this.checkedOnDisk.set(uri.toString(), { uri, languageId, candidates });
    const findings = filterFindings(candidates, config);
    this.show(uri, findings, config);
    return findings;
  }

  /** Filters the checked files' problems again with the configuration that applies now (settings or config file changed). */
  private async refilterChecked(): Promise<void> {
    const generation = ++this.refilters;
    for (const [key, entry] of [...this.checkedOnDisk]) {
      if (this.isOpen(entry.uri)) continue;
      const config = await this.project.effective(entry.uri, readConfig({ uri: entry.uri, languageId: entry.languageId }));
      // A newer change started another pass, or the file was forgotten meanwhile.
      if (generation !== this.refilters) return;
      if (this.checkedOnDisk.get(key) !== entry || this.isOpen(entry.uri)) continue;
      this.showFiltered(entry, config);
    }
  }

  /** A checked file whose editor closed: its problems as last read, filtered by the configuration that applies now. */
  private async showStored(entry: CheckedFile): Promise<void> {
    const config = await this.project.effective(entry.uri, readConfig({ uri: entry.uri, languageId: entry.languageId }));
    if (this.checkedOnDisk.get(entry.uri.toString()) === entry && !this.isOpen(entry.uri)) this.showFiltered(entry, config);
  }

  private showFiltered(entry: CheckedFile, config: LtsConfig & { readonly ignored: boolean }): void {
    if (!config.diagnosticsEnabled || config.ignored) this.collection.delete(entry.uri);
    else this.show(entry.uri, filterFindings(entry.candidates, config), config);
  }

  /** "LTS: Clear Problems of Check Workspace": the stored results go; open documents keep their own problems. */
  clearChecked(): number {
    const count = this.checkedOnDisk.size;
    for (const entry of this.checkedOnDisk.values()) if (!this.isOpen(entry.uri)) this.collection.delete(entry.uri);
    this.checkedOnDisk.clear();
    return count;
  }

  /**
   * A file or folder that is gone (deleted, or renamed away): its stored results go, and so do the problems shown for
   * it, also while an editor still shows the deleted file (there is nothing on disk to fix; an edit brings them back).
   */
  private forgetChecked(uri: vscode.Uri): void {
    const prefix = uri.toString();
    // A deleted folder takes the files below it.
    const below = (key: string) => key === prefix || key.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
    for (const key of [...this.checkedOnDisk.keys()]) if (below(key)) this.checkedOnDisk.delete(key);
    for (const document of vscode.workspace.textDocuments) {
      if (!below(document.uri.toString())) continue;
      this.gone.add(document.uri.toString());
      // An analysis under way would show its problems again after they are taken away below.
      this.cancelPending(document.uri.toString());
    }
    const gone: vscode.Uri[] = [];
    this.collection.forEach((shown) => { if (below(shown.toString())) gone.push(shown); });
    for (const shown of gone) {
      this.cancelPending(shown.toString());
      this.collection.delete(shown);
    }
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
    const checked = this.checkedOnDisk.get(uri.toString());
    if (!checked) this.collection.delete(uri);
    else void this.showStored(checked);
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

/** The findings the configuration keeps: codes it allows and implicit codes it turns off are dropped. */
export function filterFindings(candidates: readonly Finding[], config: Pick<LtsConfig, 'allowedCodes' | 'implicitCodes'>): Finding[] {
  return candidates.filter((finding) => !config.allowedCodes.has(finding.code) && !(finding.occurrence.implicit && config.implicitCodes === false));
}
