/**
 * Decides how a document is read (code through the syntax engine, logs and text line by line) and caches the code
 * analysis per document version, so diagnostics, hover and inlay hints share one parse.
 */
import * as vscode from 'vscode';
import {
  CodeAnalysis, CodeEngine, ErrorCodeMention, LanguageSpec, languageForId, Logger, MAX_CODE_CHARS, Occurrence, rangesIntersect,
  readerForPath, scanErrorCodes, scanLine, scanLines,
} from '../core';
import { fromPosition, fromRange } from './convert';

/** Language ids read as log or plain text (`Log` is what VS Code gives Output-panel channels). */
export const TEXT_LANGUAGE_IDS: readonly string[] = ['log', 'Log', 'plaintext', 'json', 'jsonc', 'jsonl'];

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

const EMPTY: CodeAnalysis = { occurrences: [] };

export class DocumentAnalyzer implements vscode.Disposable {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly tooLargeLogged = new Set<string>();

  constructor(private readonly engine: CodeEngine, private readonly logger: Logger) {}

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
    this.cache.delete(uri.toString());
  }

  dispose(): void {
    this.cache.clear();
  }

  private async analyze(document: vscode.TextDocument, spec: LanguageSpec): Promise<CodeAnalysis> {
    const text = document.getText();
    if (text.length > MAX_CODE_CHARS) {
      const key = document.uri.toString();
      if (!this.tooLargeLogged.has(key)) {
        this.tooLargeLogged.add(key);
        this.logger.info(`${document.uri.fsPath || key}: ${text.length} characters is over the ${MAX_CODE_CHARS} limit; not analysed.`);
      }
      return EMPTY;
    }
    try {
      return await this.engine.analyze(text, spec);
    } catch (error) {
      this.logger.error(`Analysing ${document.uri.toString()} failed`, error);
      return EMPTY;
    }
  }
}
