/**
 * Decides how a document is read (code through the syntax engine, logs and text line by line) and caches the code
 * analysis per document version, so diagnostics, hover and inlay hints share one parse.
 */
import * as vscode from 'vscode';
import {
  CodeAnalysis, detectLogLayout, ErrorCodeMention, LanguageSpec, languageForId, LAYOUT_HEAD_LINES, Logger, LogLayout, Occurrence,
  rangesIntersect, readerForPath, scanErrorCodes, scanLine, scanWindow, TextChange, textChange,
} from '../core';
import { fromPosition, fromRange } from './convert';
import { EngineClient } from './engineClient';
import type { WorkspaceFlow } from './workspaceFlow';

/** Language ids read as log or plain text (`Log` is what VS Code gives Output-panel channels). */
export const TEXT_LANGUAGE_IDS: readonly string[] = ['log', 'Log', 'plaintext', 'json', 'jsonc', 'jsonl'];

/**
 * The editor analyses code documents up to this size (`lts-status check` goes up to MAX_CODE_CHARS); the engine runs
 * in a worker with a deadline (engineClient.ts), so a larger file would only be skipped after a wait.
 */
export const MAX_EDITOR_CODE_CHARS = 2 * 1024 * 1024;

/**
 * Files read as logs whatever language another extension gives them (the names of core/text/names.ts: rotated logs,
 * Apache's extensionless `access_log`, HAR captures, `nohup.out`, CSV/TSV exports).
 */
export const TEXT_FILE_PATTERNS: readonly string[] = ['**/*.{log,txt,jsonl,ndjson,har,out,csv,tsv}', '**/*.{log,txt,jsonl,out}.*', '**/*_log', '**/*_log.*'];

export type DocumentKind = { kind: 'code'; spec: LanguageSpec } | { kind: 'text' };

export function documentKind(document: vscode.TextDocument): DocumentKind | undefined {
  const spec = languageForId(document.languageId);
  if (spec) return { kind: 'code', spec };
  if (TEXT_LANGUAGE_IDS.includes(document.languageId) || readerForPath(document.uri.path)?.kind === 'text') return { kind: 'text' };
  return undefined;
}

interface CacheEntry {
  /** The open document it belongs to: a closed and reopened document (an untitled one reuses its URI) starts afresh. */
  readonly document: vscode.TextDocument;
  readonly version: number;
  readonly analysis: Promise<CodeAnalysis>;
}

/** The one edit that turned a document's previous version into `version`, for an incremental parse. */
interface PendingEdit {
  readonly version: number;
  readonly change: TextChange;
}

const EMPTY: CodeAnalysis = { occurrences: [] };

/** Lines longer than this are read only around the position asked for (hover on a minified JSON log). */
const WINDOWED_LINE = 20_000;

/** A log's header-declared layout (W3C `#Fields:`, a CSV header), read once per document until its head changes. */
interface LayoutEntry {
  readonly document: vscode.TextDocument;
  readonly layout: LogLayout | undefined;
}

export class DocumentAnalyzer implements vscode.Disposable {
  private readonly cache = new Map<string, CacheEntry>();
  /** The last analysis of each document that was not skipped: what hover and inlay hints fall back on. */
  private readonly lastGood = new Map<string, CodeAnalysis>();
  private readonly edits = new Map<string, PendingEdit>();
  private readonly layouts = new Map<string, LayoutEntry>();
  private readonly tooLargeLogged = new Set<string>();
  /** Documents whose current version could not be analysed, and why. */
  private readonly skipped = new Map<string, 'timeout' | 'crashed' | 'minified'>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly listener: vscode.Disposable;
  /** Fires when a document's analysis is skipped, or succeeds again after a skip. */
  readonly onDidChangeSkipped = this.changed.event;

  constructor(private readonly engine: EngineClient, private readonly logger: Logger, private readonly flow?: WorkspaceFlow) {
    // Remember a document's edit, so that its next analysis can parse incrementally.
    this.listener = vscode.workspace.onDidChangeTextDocument((event) => {
      const key = event.document.uri.toString();
      // A log's layout comes from its first lines: read it again only when an edit reaches them.
      if (event.contentChanges.some((change) => change.range.start.line < LAYOUT_HEAD_LINES)) this.layouts.delete(key);
      if (!this.cache.has(key)) return;
      const [change] = event.contentChanges;
      if (event.contentChanges.length !== 1) {
        this.edits.delete(key);
        return;
      }
      this.edits.set(key, {
        version: event.document.version,
        change: textChange(change.rangeOffset, change.rangeOffset + change.rangeLength, change.text,
          { row: change.range.start.line, column: change.range.start.character },
          { row: change.range.end.line, column: change.range.end.character }),
      });
    });
  }

  /**
   * The analysis of a code document at its current version (computed once per version). When that version could
   * not be analysed (time limit, engine crash), the last good analysis stands in, marked with its skip reason.
   */
  codeAnalysis(document: vscode.TextDocument, spec: LanguageSpec): Promise<CodeAnalysis> {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    let analysis: Promise<CodeAnalysis>;
    if (cached && cached.document === document && cached.version === document.version) {
      analysis = cached.analysis;
    } else {
      analysis = this.analyze(document, spec);
      if (!document.isClosed) this.cache.set(key, { document, version: document.version, analysis });
    }
    // What flows into the document from other files (the workspace index) is merged in at every request, so that a
    // change elsewhere shows without a new parse of this document.
    const flow = this.flow;
    return flow ? analysis.then((result) => flow.merge(document.uri, result)) : analysis;
  }

  /** Occurrences that intersect `range`; for text, only those lines are read (on a very long line, only those columns). */
  async occurrencesIn(document: vscode.TextDocument, range: vscode.Range): Promise<readonly Occurrence[]> {
    const kind = documentKind(document);
    if (!kind) return [];
    if (kind.kind === 'text') {
      const last = Math.min(range.end.line, document.lineCount - 1);
      const layout = this.layoutOf(document);
      const out: Occurrence[] = [];
      for (let line = range.start.line; line <= last; line++) {
        const text = document.lineAt(line).text;
        if (text.length <= WINDOWED_LINE) {
          out.push(...scanLine(text, line, layout));
          continue;
        }
        // A very long line (a minified JSON log, a HAR): only the columns asked for, and at most WINDOWED_LINE of them
        // (an editor shows far fewer; hover reads around any position).
        const from = line === range.start.line ? range.start.character : 0;
        const to = Math.min(line === range.end.line ? range.end.character : text.length, from + WINDOWED_LINE);
        out.push(...scanWindow(text, line, from, to, layout).occurrences);
      }
      return out;
    }
    const wanted = fromRange(range);
    const { occurrences } = await this.codeAnalysis(document, kind.spec);
    return occurrences.filter((o) => rangesIntersect(o.range, wanted));
  }

  /** The occurrence under `position`, if any. */
  async occurrenceAt(document: vscode.TextDocument, position: vscode.Position): Promise<Occurrence | undefined> {
    const kind = documentKind(document);
    if (!kind) return undefined;
    const at = fromPosition(position);
    const contains = (o: Occurrence) => o.range.start.line === at.line
      ? o.range.start.character <= at.character && at.character <= o.range.end.character
      : o.range.start.line < at.line && at.line <= o.range.end.line;
    if (kind.kind === 'text') return this.lineOccurrences(document, position).find(contains);
    const { occurrences } = await this.codeAnalysis(document, kind.spec);
    return occurrences.find(contains);
  }

  /**
   * The status codes of a log line, read with the document's layout; on a very long line only those around
   * `position` (a hover needs no more).
   */
  lineOccurrences(document: vscode.TextDocument, position: vscode.Position): Occurrence[] {
    const text = document.lineAt(position.line).text;
    const layout = this.layoutOf(document);
    if (text.length <= WINDOWED_LINE) return scanLine(text, position.line, layout);
    return scanWindow(text, position.line, position.character, position.character, layout).occurrences;
  }

  /** The header-declared layout of a log document (read from its first lines, once until they change). */
  private layoutOf(document: vscode.TextDocument): LogLayout | undefined {
    const key = document.uri.toString();
    const cached = this.layouts.get(key);
    if (cached && cached.document === document) return cached.layout;
    const head: string[] = [];
    for (let line = 0; line < Math.min(LAYOUT_HEAD_LINES, document.lineCount); line++) head.push(document.lineAt(line).text);
    const layout = detectLogLayout(head);
    this.layouts.set(key, { document, layout });
    return layout;
  }

  /** The LTS or API Gateway error code under `position`, in any document the extension reads. */
  errorCodeAt(document: vscode.TextDocument, position: vscode.Position): ErrorCodeMention | undefined {
    if (!documentKind(document)) return undefined;
    return scanErrorCodes(document.lineAt(position.line).text, position.line)
      .find((m) => m.range.start.character <= position.character && position.character <= m.range.end.character);
  }

  /** Why the document's current version was not analysed, if it was not. */
  skipReason(uri: vscode.Uri): 'timeout' | 'crashed' | 'minified' | undefined {
    return this.skipped.get(uri.toString());
  }

  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.skipped.delete(key);
    this.layouts.delete(key);
    this.cache.delete(key);
    this.lastGood.delete(key);
    this.edits.delete(key);
    this.engine.forget(key);
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
    this.cache.clear();
    this.lastGood.clear();
    this.edits.clear();
    this.layouts.clear();
  }

  private async analyze(document: vscode.TextDocument, spec: LanguageSpec): Promise<CodeAnalysis> {
    const key = document.uri.toString();
    const text = document.getText();
    const version = document.version;
    if (text.length > MAX_EDITOR_CODE_CHARS) {
      if (!this.tooLargeLogged.has(key)) {
        this.tooLargeLogged.add(key);
        this.logger.info(`${document.uri.fsPath || key}: ${text.length} characters is over the editor's ${MAX_EDITOR_CODE_CHARS} limit; `
          + 'not analysed (lts-status check reads larger files).');
      }
      return EMPTY;
    }
    const edit = this.edits.get(key);
    this.edits.delete(key);
    const analysis = await this.engine.analyze({
      label: document.uri.scheme === 'file' ? document.uri.fsPath : key,
      key,
      language: spec.id,
      text,
      version,
      ...(edit && edit.version === version ? { baseVersion: version - 1, change: edit.change } : {}),
    });
    if (document.isClosed) return analysis;
    if (analysis.skipped === 'timeout' || analysis.skipped === 'crashed') {
      this.skipped.set(key, analysis.skipped);
      this.changed.fire(document.uri);
      const last = this.lastGood.get(key);
      return last ? { ...last, skipped: analysis.skipped } : analysis;
    }
    if (analysis.skipped === 'minified') {
      // Not analysed on purpose (engine.ts isMinified): nothing to show, and the status item says why.
      if (this.skipped.get(key) !== 'minified') {
        this.skipped.set(key, 'minified');
        this.changed.fire(document.uri);
      }
      this.lastGood.delete(key);
      return analysis;
    }
    if (this.skipped.delete(key)) this.changed.fire(document.uri);
    this.lastGood.set(key, analysis);
    this.flow?.fromDocument(document.uri, analysis);
    return analysis;
  }
}
