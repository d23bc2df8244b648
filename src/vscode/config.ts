/** Typed view of the `ltsStatus.*` settings (schema in package.json `contributes.configuration`). */
import * as vscode from 'vscode';
import { isStatusCode, SymbolicHints } from '../core';

export const SECTION = 'ltsStatus';

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';

export interface LtsConfig {
  readonly hoverEnabled: boolean;
  readonly inlayHintsEnabled: boolean;
  readonly inlayHintsInLogs: boolean;
  /** What a hint after a symbolic name shows (`ltsStatus.inlayHints.symbolic`). */
  readonly inlayHintsSymbolic: SymbolicHints;
  /** False: hint only codes the LTS table does not list (`ltsStatus.inlayHints.listed`). */
  readonly inlayHintsListed: boolean;
  readonly diagnosticsEnabled: boolean;
  /** Flag codes a framework answers by itself (`res.redirect(url)` → 302). */
  readonly implicitCodes: boolean;
  readonly severity: SeverityName;
  readonly allowedCodes: ReadonlySet<number>;
}

/** Reads the settings that apply to a document (settings are resource-scoped). */
export function readConfig(scope?: vscode.ConfigurationScope): LtsConfig {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const allowed = c.get<unknown[]>('allowedCodes', []);
  return {
    hoverEnabled: c.get<boolean>('hover.enabled', true),
    inlayHintsEnabled: c.get<boolean>('inlayHints.enabled', true),
    inlayHintsInLogs: c.get<boolean>('inlayHints.inLogs', false),
    inlayHintsSymbolic: symbolicHints(c.get<string>('inlayHints.symbolic', 'number')),
    inlayHintsListed: c.get<boolean>('inlayHints.listed', true),
    diagnosticsEnabled: c.get<boolean>('diagnostics.enabled', true),
    implicitCodes: c.get<boolean>('diagnostics.implicitCodes', true),
    severity: c.get<SeverityName>('diagnostics.severity', 'warning'),
    allowedCodes: new Set((Array.isArray(allowed) ? allowed : []).map(Number).filter(isStatusCode)),
  };
}

function symbolicHints(value: string): SymbolicHints {
  return value === 'full' || value === 'off' ? value : 'number';
}

export function toSeverity(name: SeverityName): vscode.DiagnosticSeverity {
  switch (name) {
    case 'error': return vscode.DiagnosticSeverity.Error;
    case 'information': return vscode.DiagnosticSeverity.Information;
    case 'hint': return vscode.DiagnosticSeverity.Hint;
    default: return vscode.DiagnosticSeverity.Warning;
  }
}

/** `editor.inlayHints.*` for the document's language: VS Code's own switch and label limit. */
export function editorInlayHints(document: vscode.TextDocument): { enabled: boolean; maximumLength: number } {
  const editor = vscode.workspace.getConfiguration('editor.inlayHints', { uri: document.uri, languageId: document.languageId });
  return {
    enabled: editor.get<string>('enabled', 'on') !== 'off',
    maximumLength: editor.get<number>('maximumLength', 43),
  };
}

/** `ltsStatus.analysis.workspaceIndex`: whether status flow reads the workspace's other files (window-scoped). */
export function workspaceIndexEnabled(): boolean {
  const c = vscode.workspace.getConfiguration(SECTION);
  return c.get<boolean>('analysis.workspaceIndex', true);
}

/** `ltsStatus.analysis.timeLimit`: the engine's deadline for one analysis, in milliseconds (window-scoped). */
export function analysisTimeLimit(): number {
  const c = vscode.workspace.getConfiguration(SECTION);
  const value = c.get<number>('analysis.timeLimit', 1500);
  return Number.isFinite(value) ? Math.min(60_000, Math.max(10, value)) : 1500;
}
