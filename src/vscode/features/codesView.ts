/**
 * The "LTS Status Codes" view in the Explorer: the listed codes grouped by class, each with the LTS error codes that
 * come with it, the description beside each entry and the whole explanation as its tooltip; Copy and Insert on each
 * entry. The lookup shows its pick here (a code the table does not list under "Looked up"), where it stays. While a
 * file with LTS problems is active, "Problems in this file" lists them; a click goes to the code. "Looked up" has a
 * Clear action (also in the Command Palette while the group is shown).
 */
import * as vscode from 'vscode';
import {
  classLabel, describeStatus, errorCodeMarkdown, explainMarkdown, LtsErrorRow, StatusClass, suggestionsFor, tableGroups,
} from '../../core';
import { readConfig } from '../config';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { untrustedMarkdown } from './hover';

export const CODES_VIEW_ID = 'ltsStatus.codes';
/** Context key: true while the view shows a "Looked up" group (package.json's menus use it). */
export const HAS_LOOKED_UP_CONTEXT = 'ltsStatus.hasLookedUp';

export type CodesNode =
  | { readonly kind: 'class'; readonly statusClass: StatusClass }
  | { readonly kind: 'lookedUp' }
  | { readonly kind: 'problems' }
  | { readonly kind: 'problem'; readonly uri: vscode.Uri; readonly diagnostic: vscode.Diagnostic; readonly index: number }
  | { readonly kind: 'status'; readonly code: number; readonly parent: CodesNode }
  | { readonly kind: 'error'; readonly row: LtsErrorRow; readonly parent: CodesNode };

/** The code an entry stands for (what Copy and Insert use), if any. */
export function nodeCode(node: CodesNode | undefined): string | undefined {
  return node?.kind === 'status' ? String(node.code) : node?.kind === 'error' ? node.row.errorCode : undefined;
}

export class CodesViewProvider implements vscode.TreeDataProvider<CodesNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CodesNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly groups = tableGroups();
  private readonly classes = this.groups.map((group) => ({ kind: 'class', statusClass: group.statusClass }) as const);
  private readonly children = new Map<CodesNode, CodesNode[]>();
  private readonly lookedUpGroup: CodesNode = { kind: 'lookedUp' };
  private lookedUp: CodesNode | undefined;
  private readonly problemsGroup: CodesNode = { kind: 'problems' };
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    // The problems of the active file follow the editor and the Problems panel.
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.changed.fire(undefined)),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && event.uris.some((uri) => uri.toString() === active)) this.changed.fire(undefined);
      }),
    );
    this.groups.forEach((group, i) => {
      const parent = this.classes[i];
      this.children.set(parent, group.entries.map((entry) => {
        const node: CodesNode = { kind: 'status', code: entry.info.code, parent };
        this.children.set(node, entry.errors.map((row) => ({ kind: 'error', row, parent: node })));
        return node;
      }));
    });
  }

  /** The LTS problems of the active editor's file, in line order. */
  private problems(): CodesNode[] {
    const uri = vscode.window.activeTextEditor?.document.uri;
    if (!uri) return [];
    return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE)
      .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
      .map((diagnostic, index) => ({ kind: 'problem', uri, diagnostic, index }));
  }

  getChildren(node?: CodesNode): CodesNode[] {
    if (!node) {
      const groups: CodesNode[] = this.lookedUp ? [this.lookedUpGroup] : [];
      if (this.problems().length > 0) groups.push(this.problemsGroup);
      return [...groups, ...this.classes];
    }
    if (node === this.problemsGroup) return this.problems();
    if (node === this.lookedUpGroup) return this.lookedUp ? [this.lookedUp] : [];
    return this.children.get(node) ?? [];
  }

  getParent(node: CodesNode): CodesNode | undefined {
    if (node.kind === 'problem') return this.problemsGroup;
    return node.kind === 'status' || node.kind === 'error' ? node.parent : undefined;
  }

  /** The entry of a status code or an LTS error code; a status code the table does not list is shown under "Looked up". */
  entryFor(code: number | string): CodesNode | undefined {
    const all = [...this.children.values()].flat();
    const found = all.find((node) => nodeCode(node) === String(code));
    if (found || typeof code !== 'number') return found;
    this.setLookedUp({ kind: 'status', code, parent: this.lookedUpGroup });
    return this.lookedUp;
  }

  /** Removes the "Looked up" group (command LTS: Clear Looked Up). */
  clearLookedUp(): void {
    this.setLookedUp(undefined);
  }

  private setLookedUp(node: CodesNode | undefined): void {
    this.lookedUp = node;
    void vscode.commands.executeCommand('setContext', HAS_LOOKED_UP_CONTEXT, node !== undefined);
    this.changed.fire(undefined);
  }

  getTreeItem(node: CodesNode): vscode.TreeItem {
    const t = vscode.l10n.t;
    switch (node.kind) {
      case 'class': {
        const item = new vscode.TreeItem(classLabel(node.statusClass, t), vscode.TreeItemCollapsibleState.Expanded);
        item.id = `class:${node.statusClass}`;
        return item;
      }
      case 'problems': {
        const item = new vscode.TreeItem(t('Problems in this file'), vscode.TreeItemCollapsibleState.Expanded);
        item.id = 'problems';
        item.description = String(this.problems().length);
        return item;
      }
      case 'problem': {
        const { diagnostic, uri } = node;
        const code = /\b[1-5]\d\d\b/.exec(diagnostic.message)?.[0] ?? '';
        const item = new vscode.TreeItem(t('{0}, line {1}', code, diagnostic.range.start.line + 1), vscode.TreeItemCollapsibleState.None);
        item.id = `problem:${uri.toString()}:${node.index}`;
        item.description = diagnostic.message;
        item.tooltip = diagnostic.message;
        item.iconPath = new vscode.ThemeIcon('warning');
        item.command = { command: 'vscode.open', title: t('Go to the code'), arguments: [uri, { selection: diagnostic.range }] };
        return item;
      }
      case 'lookedUp': {
        const item = new vscode.TreeItem(t('Looked up'), vscode.TreeItemCollapsibleState.Expanded);
        item.id = 'lookedUp';
        item.contextValue = 'ltsStatus.lookedUp';
        return item;
      }
      case 'status': {
        const info = describeStatus(node.code);
        const errors = this.children.get(node)?.length ?? 0;
        const label = info.row ? `${info.code} ${info.row.returnedValue}` : `${info.code}${info.httpPhrase ? ` ${info.httpPhrase}` : ''}`;
        const item = new vscode.TreeItem(label, errors > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = `${node.parent.kind}:${node.code}`;
        const nearest = suggestionsFor(info.code).map(String).join(t(', or '));
        item.description = (info.row && t(info.row.description))
          ?? (nearest ? t('not an LTS status code — nearest listed: {0}', nearest) : t('not an LTS status code'));
        item.tooltip = untrustedMarkdown(explainMarkdown(info, { t, allowedCodes: readConfig().allowedCodes }));
        item.iconPath = new vscode.ThemeIcon(info.listed ? 'symbol-constant' : 'warning');
        item.contextValue = 'ltsStatus.code';
        return item;
      }
      case 'error': {
        const item = new vscode.TreeItem(node.row.errorCode, vscode.TreeItemCollapsibleState.None);
        item.id = `error:${node.row.errorCode}`;
        item.description = t(node.row.description);
        item.tooltip = untrustedMarkdown(errorCodeMarkdown({ errorCode: node.row.errorCode, service: 'LTS', row: node.row }, undefined, { t }));
        item.iconPath = new vscode.ThemeIcon('symbol-key');
        item.contextValue = 'ltsStatus.code';
        return item;
      }
    }
  }

  /** Labels and descriptions of the entries, depth first (for the integration tests, through the extension's API). */
  rows(): { readonly depth: number; readonly label: string; readonly description: string }[] {
    const rows: { depth: number; label: string; description: string }[] = [];
    const walk = (node: CodesNode, depth: number) => {
      const item = this.getTreeItem(node);
      rows.push({ depth, label: String(typeof item.label === 'object' ? item.label.label : item.label ?? ''), description: String(item.description ?? '') });
      for (const child of this.getChildren(node)) walk(child, depth + 1);
    };
    for (const node of this.getChildren()) walk(node, 0);
    return rows;
  }

  dispose(): void {
    this.disposables.forEach((disposable) => disposable.dispose());
    this.changed.dispose();
  }
}
