/**
 * Decides how a document is read (code through the syntax engine, logs and text line by line) and caches the code
 * analysis per document version, so diagnostics, hover and inlay hints share one parse.
 */
import * as vscode from 'vscode';
import {
  CodeAnalysis, CodeEngine, CodeSession, ErrorCodeMention, LanguageSpec, languageForId, Logger, Occurrence,
  rangesIntersect, readerForPath, scanErrorCodes, scanLine, scanLines, TextChange, textChange,
} from '../core';
import { fromPosition, fromRange } from './convert';

/** Language ids read as log or plain text (`Log` is what VS Code gives Output-panel channels). */
export const TEXT_LANGUAGE_IDS: readonly string[] = ['log', 'Log', 'plaintext', 'json', 'jsonc', 'jsonl'];

/**
 * The editor analyses code documents up to this size, parsing for at most PARSE_TIMEOUT_MS: parsing runs in the
 * extension host, so a minified bundle must not stall it. (`lts-status check` goes up to MAX_CODE_CHARS.)
 */
export const MAX_EDITOR_CODE_CHARS = 2 * 1024 * 1024;
export const PARSE_TIMEOUT_MS = 1500;

/** Files read as logs whatever language another extension gives them. */
export const TEXT_FILE_PATTERN = '**/*.{log,txt,jsonl,ndjson}';

export type DocumentKind = { kind: 'code'; spec: LanguageSpec } | { kind: 'text' };

export function documentKind(document: vscode.TextDocument): DocumentKind | undefined {
  const spec = languageForId(document.languageId);
  if (spec) return { kind: 'code', spec };
  if (TEXT_LANGUAGE_IDS.includes(document.languageId) || readerForPath(document.uri.path)?.kind === 'text') return { kind: 'text' };
  return undefined;
}

interface CacheEntry {
  readonly version: number;
  readonly analysis: Promise<CodeAnalysis>;
}

/** A parsed code document: its session, the version it last analysed, and the one edit since, if that is all. */
interface SessionState {
  readonly session: CodeSession;
  /** The version the session's tree reflects, once its last update has finished. */
  version: number;
  /** The single edit that turns `version` into `version + 1`. */
  pending?: { readonly version: number; readonly change: TextChange };
  /** Updates run one after another. */
  queue: Promise<unknown>;
}

const EMPTY: CodeAnalysis = { occurrences: [] };

export class DocumentAnalyzer implements vscode.Disposable {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly sessions = new Map<string, SessionState>();
  private readonly tooLargeLogged = new Set<string>();
  private readonly listener: vscode.Disposable;

  constructor(private readonly engine: CodeEngine, private readonly logger: Logger) {
    // Remember a document's edit, so that its next analysis can parse incrementally.
    this.listener = vscode.workspace.onDidChangeTextDocument((event) => {
      const state = this.sessions.get(event.document.uri.toString());
      if (!state) return;
      const [change] = event.contentChanges;
      state.pending = event.contentChanges.length === 1 && state.version === event.document.version - 1
        ? {
          version: event.document.version,
          change: textChange(change.rangeOffset, change.rangeOffset + change.rangeLength, change.text,
            { row: change.range.start.line, column: change.range.start.character },
            { row: change.range.end.line, column: change.range.end.character }),
        }
        : undefined;
    });
  }

  /** The analysis of a code document at its current version (computed once per version). */
  codeAnalysis(document: vscode.TextDocument, spec: LanguageSpec): Promise<CodeAnalysis> {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version) return cached.analysis;
    const analysis = this.analyze(document, spec);
    this.cache.set(key, { version: document.version, analysis });
    return analysis;
  }

  /** Occurrences that intersect `range`; for text, only those lines are read. */
  async occurrencesIn(document: vscode.TextDocument, range: vscode.Range): Promise<readonly Occurrence[]> {
    const kind = documentKind(document);
    if (!kind) return [];
    if (kind.kind === 'text') {
      const last = Math.min(range.end.line, document.lineCount - 1);
      return scanLines((line) => document.lineAt(line).text, range.start.line, last);
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
    if (kind.kind === 'text') return scanLine(document.lineAt(position.line).text, position.line).find(contains);
    const { occurrences } = await this.codeAnalysis(document, kind.spec);
    return occurrences.find(contains);
  }

  /** The LTS or API Gateway error code under `position`, in any document the extension reads. */
  errorCodeAt(document: vscode.TextDocument, position: vscode.Position): ErrorCodeMention | undefined {
    if (!documentKind(document)) return undefined;
    return scanErrorCodes(document.lineAt(position.line).text, position.line)
      .find((m) => m.range.start.character <= position.character && position.character <= m.range.end.character);
  }

  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.cache.delete(key);
    this.sessions.get(key)?.session.dispose();
    this.sessions.delete(key);
  }

  dispose(): void {
    this.listener.dispose();
    for (const state of this.sessions.values()) state.session.dispose();
    this.sessions.clear();
    this.cache.clear();
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
    let state = this.sessions.get(key);
    if (!state || state.session.spec !== spec) {
      state?.session.dispose();
      state = { session: this.engine.session(spec, { timeoutMs: PARSE_TIMEOUT_MS }), version: -1, queue: Promise.resolve() };
      this.sessions.set(key, state);
    }
    const current = state;
    const run = current.queue.then(async () => {
      const incremental = current.pending && current.pending.version === version && current.version === version - 1;
      const result = await current.session.update(text, incremental ? current.pending!.change : undefined);
      current.version = version;
      current.pending = undefined;
      return result;
    });
    current.queue = run.catch(() => undefined);
    try {
      return await run;
    } catch (error) {
      this.logger.error(`Analysing ${key} failed`, error);
      current.version = -1;
      return EMPTY;
    }
  }
}
