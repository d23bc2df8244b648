/**
 * One document, whatever the host: pick the reader by file name, analyse the text, derive the findings.
 * Shared by the CLI and the workspace check; the editor picks the reader by language id instead.
 */
import { CodeEngine } from './code/engine';
import { findUnlisted } from './findings';
import { Translate } from './l10n';
import { LanguageSpec, languageForPath } from './languages';
import { logFileLanguage } from './text/names';
import { scanText } from './text/scan';
import { Finding, Occurrence } from './types';
import type { FlowSummary } from './code/flow';

/** Code documents larger than this are not parsed (minified bundles beyond it say nothing useful). */
export const MAX_CODE_CHARS = 8 * 1024 * 1024;

export type Reader = { readonly kind: 'code'; readonly spec: LanguageSpec } | { readonly kind: 'text'; readonly language: string };

export function readerForPath(path: string): Reader | undefined {
  const spec = languageForPath(path);
  if (spec) return { kind: 'code', spec };
  const language = logFileLanguage(path);
  return language ? { kind: 'text', language } : undefined;
}

export function readerLanguage(reader: Reader): string {
  return reader.kind === 'code' ? reader.spec.id : reader.language;
}

export interface DocumentResult {
  readonly occurrences: readonly Occurrence[];
  readonly findings: readonly Finding[];
  /** Why the document was not analysed, when it was not. */
  readonly skipped?: 'tooLarge' | 'minified' | 'timeout';
  /** How status values travel in the document, for a flow index over many files (see code/flow.ts). */
  readonly flow?: FlowSummary;
}

export interface DocumentOptions {
  readonly allowedCodes?: ReadonlySet<number>;
  /** False: codes a framework answers by itself (`res.redirect(url)`) are not findings. */
  readonly implicitCodes?: boolean;
  readonly t?: Translate;
  /** Stop parsing after this long (see AnalyzeOptions). */
  readonly timeoutMs?: number;
  /** The document's path (test files have no findings). */
  readonly path?: string;
  /** Only findings and flow are wanted (AnalyzeOptions.findingsOnly): occurrences may lack mere mentions. */
  readonly findingsOnly?: boolean;
  /** Parse whatever the text (AnalyzeOptions.ungated). */
  readonly ungated?: boolean;
}

/** A document's lines, split the way VS Code counts them: at `\r\n`, lone `\r` and `\n`. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export async function analyzeDocument(engine: CodeEngine, text: string, reader: Reader, options: DocumentOptions = {}): Promise<DocumentResult> {
  if (reader.kind === 'text') return { occurrences: scanText(text), findings: [] };
  const lines = splitLines(text);
  if (text.length > MAX_CODE_CHARS) return { occurrences: [], findings: [], skipped: 'tooLarge' };
  const analysis = await engine.analyze(text, reader.spec, { timeoutMs: options.timeoutMs, findingsOnly: options.findingsOnly, ungated: options.ungated });
  const findings = findUnlisted(analysis.occurrences, { ...options, lineAt: (line) => lines[line] ?? '' });
  return {
    occurrences: analysis.occurrences,
    findings,
    ...(analysis.skipped === 'timeout' || analysis.skipped === 'minified' ? { skipped: analysis.skipped } : {}),
    ...(analysis.flow ? { flow: analysis.flow } : {}),
  };
}
