/**
 * Inlay hints: the returned value after a status code (`429` → `Too Many Requests`). Only the requested range is
 * read; the tooltip is filled in `resolveInlayHint`, which the editor calls when the user hovers the hint.
 */
import * as vscode from 'vscode';
import { describeStatus, hoverMarkdown, inlayLabel, Occurrence, truncate } from '../../core';
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
    return occurrences.map((occurrence) => {
      const info = describeStatus(occurrence.code);
      const name = inlayLabel(info, vscode.l10n.t);
      // A name such as CONFLICT already reads as a status: the hint adds the number it stands for.
      const label = occurrence.symbol ? `${occurrence.code} ${name}` : name;
      return new StatusInlayHint(occurrence, truncate(label, editor.maximumLength), config.allowedCodes);
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
