/**
 * Inlay hints: what the code does not say. After a literal, its name (`429` → `Too Many Requests`); after a symbolic
 * name, its number (`HttpStatus.CONFLICT` → `409 · not LTS`), see core/hints.ts. Only the requested range is read; the
 * tooltip is filled in `resolveInlayHint`, which the editor calls when the user hovers the hint.
 */
import * as vscode from 'vscode';
import { describeStatus, hintLabel, hoverMarkdown, Occurrence, truncate } from '../../core';
import { editorInlayHints, readConfig } from '../config';
import { toPosition } from '../convert';
import { DocumentAnalyzer, documentKind } from '../documents';
import { untrustedMarkdown } from './hover';

class StatusInlayHint extends vscode.InlayHint {
  constructor(readonly occurrence: Occurrence, label: string, readonly allowedCodes: ReadonlySet<number>) {
    super(toPosition(occurrence.range.end), label);
    this.paddingLeft = true;
  }
}

export class StatusInlayHintsProvider implements vscode.InlayHintsProvider<StatusInlayHint> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeInlayHints = this.changed.event;

  constructor(private readonly analyzer: DocumentAnalyzer) {}

  /** Asks the editor to request hints again (after a setting changed). */
  refresh(): void {
    this.changed.fire();
  }

  async provideInlayHints(document: vscode.TextDocument, range: vscode.Range, token: vscode.CancellationToken): Promise<StatusInlayHint[]> {
    const config = readConfig(document);
    const editor = editorInlayHints(document);
    const kind = documentKind(document);
    if (!config.inlayHintsEnabled || !editor.enabled || !kind) return [];
    if (kind.kind === 'text' && !config.inlayHintsInLogs) return [];
    const occurrences = await this.analyzer.occurrencesIn(document, range);
    if (token.isCancellationRequested) return [];
    const options = { symbolic: config.inlayHintsSymbolic, listed: config.inlayHintsListed, t: vscode.l10n.t };
    return occurrences.flatMap((occurrence) => {
      const label = hintLabel(occurrence, options);
      return label ? [new StatusInlayHint(occurrence, truncate(label, editor.maximumLength), config.allowedCodes)] : [];
    });
  }

  resolveInlayHint(hint: StatusInlayHint): StatusInlayHint {
    hint.tooltip = untrustedMarkdown(hoverMarkdown(describeStatus(hint.occurrence.code), hint.occurrence, {
      t: vscode.l10n.t,
      allowedCodes: hint.allowedCodes,
    }));
    return hint;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
