/** Hover: explains the status code under the cursor, in code and in logs. */
import * as vscode from 'vscode';
import { describeStatus, hoverMarkdown } from '../../core';
import { readConfig } from '../config';
import { toRange } from '../convert';
import { DocumentAnalyzer } from '../documents';

export function registerHover(selector: vscode.DocumentSelector, analyzer: DocumentAnalyzer): vscode.Disposable {
  return vscode.languages.registerHoverProvider(selector, {
    async provideHover(document, position, token) {
      const config = readConfig(document);
      if (!config.hoverEnabled) return undefined;
      const occurrence = await analyzer.occurrenceAt(document, position);
      if (!occurrence || token.isCancellationRequested) return undefined;
      return new vscode.Hover(untrustedMarkdown(hoverMarkdown(describeStatus(occurrence.code), occurrence, {
        t: vscode.l10n.t,
        allowedCodes: config.allowedCodes,
      })), toRange(occurrence.range));
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
