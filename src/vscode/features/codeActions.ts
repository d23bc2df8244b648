/**
 * Quick fixes for an unlisted status code: use a listed code instead (the documented suggestion first and
 * preferred), allow the code in the project's `.lts-status.json` (which the CLI reads too), or silence this line with a comment.
 */
import * as vscode from 'vscode';
import { codeWithName, describeStatus, DISABLE_NEXT_LINE, replaceSymbolCode, suggestionsFor, UNLISTED_STATUS_RULE } from '../../core';
import { CommandId } from '../commands';
import { DocumentAnalyzer, documentKind } from '../documents';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

export class StatusCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly analyzer: DocumentAnalyzer) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const kind = documentKind(document);
    if (kind?.kind !== 'code') return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const rule = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
      if (diagnostic.source !== DIAGNOSTIC_SOURCE || rule !== UNLISTED_STATUS_RULE) continue;
      const occurrence = await this.analyzer.occurrenceAt(document, diagnostic.range.start);
      if (!occurrence) continue;
      const code = occurrence.code;

      // A literal is replaced in place (inside quotes for '409'); a library's name for the code by the same library's
      // name for the replacement, spelled alike (HttpStatus.CONFLICT → HttpStatus.BAD_REQUEST); a constant of the
      // document is left to the user, whose fix is its definition.
      // A code the framework answers by itself has no number to replace: allow or ignore it.
      (occurrence.implicit ? [] : suggestionsFor(code)).forEach((replacement, index) => {
        let target: vscode.Range;
        let text: string | undefined;
        if (!occurrence.symbol) {
          const start = diagnostic.range.start.translate(0, Math.max(0, occurrence.text.indexOf(String(code))));
          target = new vscode.Range(start, start.translate(0, 3));
          text = String(replacement);
        } else {
          target = diagnostic.range;
          text = occurrence.constant ? undefined : replaceSymbolCode(occurrence.text, code, replacement, describeStatus(replacement).httpPhrase ?? '');
        }
        if (text === undefined) return;
        const action = new vscode.CodeAction(
          vscode.l10n.t('Use {0} instead of {1}', codeWithName(replacement), code), vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = index === 0 && !occurrence.symbol;
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, target, text);
        actions.push(action);
      });

      const allow = new vscode.CodeAction(vscode.l10n.t('Allow {0} in this project (.lts-status.json)', code), vscode.CodeActionKind.QuickFix);
      allow.diagnostics = [diagnostic];
      allow.command = { command: CommandId.AllowCode, title: allow.title, arguments: [code, document.uri] };
      actions.push(allow);

      const line = document.lineAt(diagnostic.range.start.line);
      const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
      const ignore = new vscode.CodeAction(vscode.l10n.t('Ignore status {0} on this line', code), vscode.CodeActionKind.QuickFix);
      ignore.diagnostics = [diagnostic];
      ignore.edit = new vscode.WorkspaceEdit();
      ignore.edit.insert(document.uri, line.range.start, `${indent}${kind.spec.lineComment} ${DISABLE_NEXT_LINE}\n`);
      actions.push(ignore);
    }
    return actions;
  }
}
