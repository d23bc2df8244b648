/**
 * Completion of status codes where a status is expected (`res.status(|`, `WriteHeader(|`, `status: |`): the listed
 * codes first, with their name and the LTS table's description, in the file's symbolic spelling when it uses one.
 * Where a status is expected and what is offered are the core's (core/completion.ts).
 */
import * as vscode from 'vscode';
import { explainMarkdown, LanguageSpec, Occurrence, spellCode, statusCompletions, statusSlotAt, symbolicSpelling } from '../../core';
import { readConfig } from '../config';
import { DocumentAnalyzer, documentKind } from '../documents';
import { untrustedMarkdown } from './hover';

/** Characters after which a status may be expected: `(`, `, `, `: `, `= `, a space (`head `, `halt `). */
export const COMPLETION_TRIGGERS = ['(', ',', ':', '=', ' '];

export class StatusCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly analyzer: DocumentAnalyzer) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position,
    token: vscode.CancellationToken): Promise<vscode.CompletionItem[] | undefined> {
    const kind = documentKind(document);
    if (kind?.kind !== 'code') return undefined;
    const prefix = document.lineAt(position.line).text.slice(0, position.character);
    const start = statusSlotAt(kind.spec.id, prefix);
    if (start === undefined) return undefined;
    const occurrences = await this.occurrences(document, kind.spec);
    if (token.isCancellationRequested) return undefined;
    const config = readConfig(document);
    const range = new vscode.Range(position.line, start, position.line, position.character);
    return statusCompletions({ spelling: symbolicSpelling(occurrences), allowedCodes: config.allowedCodes }).map((entry) => {
      const symbolic = entry.insertText !== String(entry.code);
      const item = new vscode.CompletionItem({
        label: entry.insertText,
        detail: symbolic ? ` ${entry.code} ${entry.name}` : ` ${entry.name}`,
        description: entry.info.listed ? vscode.l10n.t(entry.description) : vscode.l10n.t('not an LTS status code; allowed in this workspace'),
      }, vscode.CompletionItemKind.Constant);
      item.insertText = entry.insertText;
      item.range = range;
      item.sortText = entry.sortText;
      // Typing the number finds a symbolic item too.
      item.filterText = symbolic ? `${entry.insertText} ${entry.code}` : entry.insertText;
      item.documentation = untrustedMarkdown(explainMarkdown(entry.info, { t: vscode.l10n.t, allowedCodes: config.allowedCodes }));
      return item;
    });
  }

  /**
   * The document's occurrences, for its spelling of status codes, if its analysis is at hand within a moment: the list
   * must not wait for a grammar to compile or a long file to be parsed (numbers are offered meanwhile).
   */
  private async occurrences(document: vscode.TextDocument, spec: LanguageSpec): Promise<readonly Occurrence[]> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<undefined>((resolve) => { timer = setTimeout(() => resolve(undefined), ANALYSIS_WAIT_MS); });
    try {
      const analysis = await Promise.race([this.analyzer.codeAnalysis(document, spec).catch(() => undefined), late]);
      return analysis?.occurrences ?? [];
    } finally {
      clearTimeout(timer);
    }
  }
}

/** How long completion waits for the document's analysis before it offers plain numbers. */
const ANALYSIS_WAIT_MS = 500;

/**
 * A status code as the document would write it: the file's library name for it when the file uses one
 * (`HttpStatus.BAD_REQUEST`), else the number. Anything else (an LTS error code) as it is.
 */
export async function codeInStyle(analyzer: DocumentAnalyzer, document: vscode.TextDocument, code: string): Promise<string> {
  const kind = documentKind(document);
  if (kind?.kind !== 'code' || !/^\d{3}$/.test(code)) return code;
  const spelling = symbolicSpelling((await analyzer.codeAnalysis(document, kind.spec)).occurrences);
  return (spelling && spellCode(spelling, Number(code))) ?? code;
}
