/**
 * The editor's status-flow index over the workspace (see ../core/code/flow.ts): open documents contribute the flow
 * of their latest analysis; every other code file of a language with status flow is read and analysed in the
 * background (after start-up, behind the editor's own requests, cancellable, bounded like Check Workspace), and
 * again when it changes on disk. When the index changes, open documents are re-checked — without a new parse: what
 * flows into them is merged with their cached analysis.
 */
import * as vscode from 'vscode';
import { CodeAnalysis, FlowIndex, FlowOccurrence, FlowSummary, LANGUAGES, languageForPath, Logger, meetsDemand, mergeFlow } from '../core';
import { SECTION, workspaceIndexEnabled } from './config';
import { EngineClient } from './engineClient';
import { findCodeFiles, readCodeFile } from './workspaceFiles';

/** Wait after activation before the background walk starts, so that start-up stays the editor's. */
const START_DELAY_MS = 2_000;
/** A file saved or changed on disk is read again after this quiet time. */
const DISK_DEBOUNCE_MS = 500;
/** Index changes are announced at most this often. */
const CHANGE_DEBOUNCE_MS = 150;

const FLOW_LANGUAGES = () => LANGUAGES.filter((spec) => spec.flow && spec.flowQuery);

export class WorkspaceFlow implements vscode.Disposable {
  readonly index = new FlowIndex();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires (debounced) when what flows between files may have changed. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly diskTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private changeTimer: ReturnType<typeof setTimeout> | undefined;
  private startTimer: ReturnType<typeof setTimeout> | undefined;
  private walk: vscode.CancellationTokenSource | undefined;
  private built: Promise<void> | undefined;
  /** Files of the walk not parsed for want of a candidate (URIs): the demand rounds may still ask for them. */
  private readonly gated = new Set<string>();
  private disposed = false;

  /**
   * `after`: the walk starts once this has settled too (the editor engine's first grammars), and never before
   * START_DELAY_MS; `ready()` starts it at once.
   */
  constructor(private readonly engine: EngineClient, private readonly logger: Logger, after: Promise<unknown> = Promise.resolve()) {
    const extensions = [...new Set(FLOW_LANGUAGES().flatMap((spec) => spec.extensions))].map((ext) => ext.slice(1));
    if (extensions.length > 0 && vscode.workspace.workspaceFolders?.length) {
      const watcher = vscode.workspace.createFileSystemWatcher(`**/*.{${extensions.join(',')}}`);
      this.disposables.push(
        watcher,
        watcher.onDidChange((uri) => this.diskChanged(uri)),
        watcher.onDidCreate((uri) => this.diskChanged(uri)),
        watcher.onDidDelete((uri) => this.remove(uri)),
      );
    }
    this.disposables.push(
      // A document closed with unsaved edits leaves the disk's version behind: read it again.
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (this.indexes(document.uri)) this.diskChanged(document.uri);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${SECTION}.analysis.workspaceIndex`)) this.restart();
      }),
    );
    this.startTimer = setTimeout(() => {
      void after.then(() => {
        // Not if ready() has started it meanwhile, or the extension is gone.
        if (!this.startTimer || this.disposed) return;
        this.startTimer = undefined;
        void this.restart();
      }, () => undefined);
    }, START_DELAY_MS);
  }

  /** Whether the index covers files like this one (a language with status flow, on disk or open). */
  private indexes(uri: vscode.Uri): boolean {
    return enabled() && !!languageForPath(uri.path)?.flow;
  }

  /** Walks the workspace again (after a settings change); resolves when the walk is over. */
  restart(): Promise<void> {
    this.walk?.cancel();
    this.walk?.dispose();
    if (this.disposed) return Promise.resolve();
    if (!enabled()) {
      const had = this.index.size > 0;
      this.index.clear();
      if (had) this.announce();
      this.built = Promise.resolve();
      return this.built;
    }
    const walk = this.walk = new vscode.CancellationTokenSource();
    this.built = this.build(walk.token).catch((error) => this.logger.error('The status-flow index could not be built.', error));
    return this.built;
  }

  /** Resolves once the current background walk is over (starting it now if it has not started yet). */
  ready(): Promise<void> {
    if (this.startTimer) {
      clearTimeout(this.startTimer);
      this.startTimer = undefined;
      return this.restart();
    }
    return this.built ?? this.restart();
  }

  /** The flow of an open document's latest analysis. */
  fromDocument(uri: vscode.Uri, analysis: CodeAnalysis): void {
    if (analysis.skipped === 'timeout' || analysis.skipped === 'crashed' || !enabled()) return;
    this.set(uri, analysis.flow);
  }

  /** A document's own occurrences with what flows into them from other files. */
  merge(uri: vscode.Uri, analysis: CodeAnalysis): CodeAnalysis {
    if (this.index.size === 0) return analysis;
    const key = uri.toString();
    const flowing: FlowOccurrence[] = this.index.occurrences(key).map((o) => (o.sentAt.file === key ? { ...o, sentAt: { ...o.sentAt, file: '' } } : o));
    if (flowing.length === 0) return analysis;
    return { ...analysis, occurrences: mergeFlow(analysis.occurrences, flowing) };
  }

  private set(uri: vscode.Uri, flow: FlowSummary | undefined): void {
    if (this.index.set(uri.toString(), flow)) this.announce();
  }

  private remove(uri: vscode.Uri): void {
    if (this.index.delete(uri.toString())) this.announce();
  }

  private announce(): void {
    if (this.changeTimer) clearTimeout(this.changeTimer);
    this.changeTimer = setTimeout(() => {
      this.changeTimer = undefined;
      this.changed.fire();
    }, CHANGE_DEBOUNCE_MS);
  }

  private isOpen(uri: vscode.Uri): boolean {
    const key = uri.toString();
    return vscode.workspace.textDocuments.some((document) => document.uri.toString() === key);
  }

  private diskChanged(uri: vscode.Uri): void {
    if (!this.indexes(uri) || this.disposed) return;
    const key = uri.toString();
    const pending = this.diskTimers.get(key);
    if (pending) clearTimeout(pending);
    this.diskTimers.set(key, setTimeout(() => {
      this.diskTimers.delete(key);
      if (!this.isOpen(uri)) void this.readFromDisk(uri);
    }, DISK_DEBOUNCE_MS));
  }

  /**
   * Reads a file into the index. Without `demand` a file without a candidate (no status word of its language) is not
   * parsed, and is remembered in `gated`; with it, such a file is parsed when it mentions a name the index asks for
   * (a helper, an error class, a constant: see FlowIndex.demand), as `lts-status check` does round by round.
   */
  private async readFromDisk(uri: vscode.Uri, demand?: (text: string) => boolean): Promise<boolean> {
    const spec = languageForPath(uri.path);
    if (!spec?.flow) return false;
    const text = await readCodeFile(uri, MAX_INDEX_CHARS);
    if (text === undefined) {
      this.remove(uri);
      return true;
    }
    const ungated = demand !== undefined;
    if (ungated && !demand(text)) return false;
    const analysis = await this.engine.analyze({ label: vscode.workspace.asRelativePath(uri), language: spec.id, text, ...(ungated ? { ungated } : {}) }, 'background');
    if (this.disposed || this.isOpen(uri)) return true;
    if (analysis.skipped === 'timeout' || analysis.skipped === 'crashed') return true;
    if (analysis.skipped === 'noCandidates') this.gated.add(uri.toString());
    this.set(uri, analysis.flow);
    return true;
  }

  /**
   * Rounds over files not parsed for want of a candidate (`gated`, URIs): those that mention a name through which a
   * value reaches a sink (a helper of another file, an error class, a constant) are parsed after all, until nothing
   * new is asked for — as `lts-status check` does. A file parsed leaves `gated`.
   */
  async demandRounds(gated: Set<string>, token: vscode.CancellationToken): Promise<void> {
    for (let round = 0; round < MAX_DEMAND_ROUNDS && gated.size > 0; round++) {
      const version = this.index.version;
      const demand = meetsDemand(this.index.demand());
      for (const key of [...gated]) {
        if (token.isCancellationRequested || this.disposed) return;
        const uri = vscode.Uri.parse(key);
        if (this.isOpen(uri) || await this.readFromDisk(uri, demand)) gated.delete(key);
      }
      if (this.index.version === version) break;
    }
  }

  private async build(token: vscode.CancellationToken): Promise<void> {
    const started = Date.now();
    const { uris, truncated } = await findCodeFiles(token, FLOW_LANGUAGES());
    let files = 0;
    this.gated.clear();
    for (const uri of uris) {
      if (token.isCancellationRequested || this.disposed) return;
      if (this.isOpen(uri)) continue;
      await this.readFromDisk(uri);
      files++;
    }
    await this.demandRounds(this.gated, token);
    this.logger.info(`Status-flow index: ${files} files read in ${Date.now() - started} ms${truncated ? ' (the workspace has more; the first 20,000 are indexed)' : ''}.`);
  }

  dispose(): void {
    this.disposed = true;
    if (this.startTimer) clearTimeout(this.startTimer);
    if (this.changeTimer) clearTimeout(this.changeTimer);
    for (const timer of this.diskTimers.values()) clearTimeout(timer);
    this.walk?.cancel();
    this.walk?.dispose();
    this.changed.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** Demand rounds after the walk (each may parse files that the previous one's results ask for). */
const MAX_DEMAND_ROUNDS = 4;

/** Files larger than this are not read for the index (as for the editor's own analysis). */
const MAX_INDEX_CHARS = 2 * 1024 * 1024;

const enabled = workspaceIndexEnabled;
