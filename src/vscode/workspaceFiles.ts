/**
 * The workspace's code files, as "Check Workspace" and the status-flow index read them: installed dependencies
 * (`node_modules`, Go's and Composer's `vendor`, Python virtual environments: core/dependencies.ts), the
 * `search.exclude` patterns that are simply on, and `.gitignore`d files are left out (`files.exclude` applies anyway).
 */
import ignore, { Ignore } from 'ignore';
import * as vscode from 'vscode';
import { DEPENDENCY_MARKER_GLOB, dependencyFolderOfMarker, LanguageSpec, LANGUAGES } from '../core';

/** At most this many files per walk; callers say when a workspace has more. */
export const MAX_FILES = 20_000;

/**
 * The exclude glob for findFiles: `node_modules` and the `search.exclude` patterns that are simply on. Conditional
 * entries (`{ "when": … }`) and patterns with braces of their own cannot be combined into one glob and are left to
 * the `.gitignore` filter and the user.
 */
export function excludeGlob(): string {
  const searchExclude = vscode.workspace.getConfiguration('search').get<Record<string, unknown>>('exclude') ?? {};
  const patterns = ['**/node_modules/**', ...Object.entries(searchExclude)
    .filter(([pattern, on]) => on === true && !/[{}]/.test(pattern))
    .map(([pattern]) => pattern)];
  return `{${patterns.join(',')}}`;
}

/** Drops what a `.gitignore` of the workspace ignores (each file's rules apply below its folder), when search does. */
async function gitignoreFilter(exclude: string, token: vscode.CancellationToken): Promise<(uri: vscode.Uri) => boolean> {
  if (!vscode.workspace.getConfiguration('search').get<boolean>('useIgnoreFiles', true)) return () => true;
  const scopes: Array<{ dir: string; rules: Ignore }> = [];
  for (const uri of await vscode.workspace.findFiles('**/.gitignore', exclude, 1000, token)) {
    const bytes = await vscode.workspace.fs.readFile(uri).then((b) => b, () => undefined);
    if (bytes) scopes.push({ dir: uri.path.slice(0, uri.path.lastIndexOf('/') + 1), rules: ignore().add(new TextDecoder().decode(bytes)) });
  }
  return (uri) => !scopes.some(({ dir, rules }) => uri.path.startsWith(dir) && rules.ignores(uri.path.slice(dir.length)));
}

/** Folders of installed dependencies besides `node_modules` (Go's and Composer's `vendor`, Python environments). */
async function dependencyFolders(exclude: string, token: vscode.CancellationToken): Promise<string[]> {
  const markers = await vscode.workspace.findFiles(DEPENDENCY_MARKER_GLOB, exclude, 1000, token);
  return markers.map((uri) => dependencyFolderOfMarker(uri.path)).filter((folder): folder is string => folder !== undefined);
}

/** The code files of the workspace in path order (of the given languages; default all), and whether there were more. */
export async function findCodeFiles(token: vscode.CancellationToken, specs: readonly LanguageSpec[] = LANGUAGES)
  : Promise<{ uris: vscode.Uri[]; truncated: boolean }> {
  const extensions = [...new Set(specs.flatMap((spec) => spec.extensions))].map((ext) => ext.slice(1));
  if (extensions.length === 0) return { uris: [], truncated: false };
  const exclude = excludeGlob();
  // One more than the limit tells whether there were more.
  const found = await vscode.workspace.findFiles(`**/*.{${extensions.join(',')}}`, exclude, MAX_FILES + 1, token);
  const truncated = found.length > MAX_FILES;
  const kept = await gitignoreFilter(exclude, token);
  const dependencies = await dependencyFolders(exclude, token);
  const own = (uri: vscode.Uri) => !dependencies.some((folder) => uri.path.startsWith(folder));
  return { uris: found.slice(0, MAX_FILES).filter((uri) => kept(uri) && own(uri)).sort((a, b) => a.path.localeCompare(b.path)), truncated };
}

/** A code file's text, or undefined when it cannot be read, is binary, or is larger than `maxChars`. */
export async function readCodeFile(uri: vscode.Uri, maxChars: number): Promise<string | undefined> {
  const bytes = await vscode.workspace.fs.readFile(uri).then((b) => b, () => undefined);
  if (!bytes || bytes.length > 3 * maxChars || bytes.subarray(0, 8000).includes(0)) return undefined;
  const text = new TextDecoder().decode(bytes);
  return text.length > maxChars ? undefined : text;
}
