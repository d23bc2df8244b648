/** Hover: explains the status code under the cursor, in code and in logs. */
import * as vscode from 'vscode';
import { describeStatus, errorCodeMarkdown, errorCodeNote, hoverMarkdown, scanErrorCodes } from '../../core';
import { readConfig } from '../config';
import { toRange } from '../convert';
import { DocumentAnalyzer, documentKind } from '../documents';

export function registerHover(selector: vscode.DocumentSelector, analyzer: DocumentAnalyzer): vscode.Disposable {
  return vscode.languages.registerHoverProvider(selector, {
    async provideHover(document, position, token) {
      const config = readConfig(document);
      if (!config.hoverEnabled) return undefined;
      const options = { t: vscode.l10n.t, allowedCodes: config.allowedCodes };
      const isText = documentKind(document)?.kind === 'text';
      const lineText = document.lineAt(position.line).text;

      const errorCode = analyzer.errorCodeAt(document, position);
      if (errorCode) {
        const lineStatus = isText ? analyzer.lineOccurrences(document, position)[0]?.code : undefined;
        return new vscode.Hover(untrustedMarkdown(errorCodeMarkdown(errorCode, lineStatus, options)), toRange(errorCode.range));
      }

      const occurrence = await analyzer.occurrenceAt(document, position);
      if (!occurrence || token.isCancellationRequested) return undefined;
      // In a log line, the LTS error code beside the status says what went wrong (before the source link, which ends
      // every hover).
      const notes = isText ? scanErrorCodes(lineText, position.line).map((mention) => errorCodeNote(mention, occurrence.code, vscode.l10n.t)) : [];
      const markdown = hoverMarkdown(describeStatus(occurrence.code), occurrence, options, notes);
      return new vscode.Hover(untrustedMarkdown(markdown), toRange(occurrence.range));
    },
  });
}

/** Markdown that can run no command and render no HTML, whatever text it carries. */
export function untrustedMarkdown(value: string): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString(value, false);
  markdown.isTrusted = false;
  markdown.supportHtml = false;
  return markdown;
}
