/**
 * Which files a run reads: paths are taken literally (a file named `[id]/route.ts` is that file, never a glob);
 * directories are walked as git sees them, taking code files and logs by name (also `access.log.1`,
 * `access.log.2.gz`, `access_log`, `.har`, `nohup.out`: see core/text/names.ts) and skipping installed dependencies
 * (`node_modules`, Go's and Composer's `vendor`, Python virtual environments: core/dependencies.ts), VCS folders and
 * `.lts-status.json` (configuration, not a log). Ignore rules follow git's
 * precedence: `--ignore-pattern` first, then the `.gitignore` files from the deepest folder up (so a child
 * `!keep.gen.js` re-includes what a parent's `*.gen.js` excludes), then `.git/info/exclude`; the last matching
 * pattern of a source decides, and a file in an excluded folder cannot be re-included (the folder is not entered).
 * The user's global excludes file (`core.excludesFile`) is not read.
 */
import * as fs from 'fs';
import ignore, { Ignore } from 'ignore';
import * as path from 'path';
import { compressedLogPath, CONFIG_FILE_NAME, ConfigSeverity, isDependencyFolder, readerForPath } from '../core';

const SKIPPED_DIRECTORIES = new Set(['.git', '.hg', '.svn']);

export interface FileEntry {
  /** As shown in output: the argument itself, or relative to the working directory for files found in a walk. */
  readonly display: string;
  readonly absolute: string;
  /** Named on the command line (read even when its type is unknown or a .gitignore excludes it). */
  readonly explicit: boolean;
  /** The text given on stdin (`--stdin`); `absolute` then only names it (language and configuration). */
  readonly content?: Uint8Array;
  /** Codes accepted besides the table for this file (its `.lts-status.json` and `--allow`). */
  readonly allowedCodes?: readonly number[];
  /** Severity of this file's findings. */
  readonly severity?: ConfigSeverity;
  /** `implicitCodes` of the file's `.lts-status.json` (default true), for the status-flow analysis to honour. */
  readonly implicitCodes?: boolean;
}

export interface Collected {
  readonly files: FileEntry[];
  /** Arguments that do not exist or cannot be listed: `path: reason`. */
  readonly errors: string[];
  /** FIFOs, sockets and devices, named or met in a walk, that are not read: `path: reason`. */
  readonly skipped: string[];
}

interface IgnoreScope {
  readonly dir: string;
  readonly rules: Ignore;
}

export interface CollectOptions {
  /** `--ignore-pattern`: gitignore-style patterns relative to the working directory; beat every `.gitignore`. */
  readonly ignorePatterns?: readonly string[];
}

export function collectFiles(args: readonly string[], cwd: string, options: CollectOptions = {}): Collected {
  const files: FileEntry[] = [];
  const errors: string[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  const command = options.ignorePatterns?.length ? { dir: cwd, rules: ignore().add([...options.ignorePatterns]) } : undefined;
  const add = (entry: FileEntry) => {
    if (seen.has(entry.absolute)) return;
    seen.add(entry.absolute);
    files.push(entry);
  };
  for (const arg of args) {
    const absolute = path.resolve(cwd, arg);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      errors.push(`${arg}: ${describeError(error)}`);
      continue;
    }
    if (stat.isDirectory()) {
      const display = (file: string) => (path.isAbsolute(arg) ? file : path.relative(cwd, file) || '.');
      const onFile = (file: string) => add({ display: display(file), absolute: file, explicit: false });
      const sink = { onFile, errors, onSpecial: (file: string, kind: string) => skipped.push(notRegular(display(file), kind)), command };
      walk(absolute, ancestorScopes(absolute), sink, arg);
    } else if (stat.isFile()) {
      if (!command || verdict(command, absolute) !== true) add({ display: arg, absolute, explicit: true });
    } else {
      skipped.push(notRegular(arg, fileKind(stat)));
    }
  }
  return { files, errors, skipped };
}

/**
 * The ignore sources above a walked directory, outermost first: `.git/info/exclude` of its repository, then the
 * `.gitignore` of every folder from the repository root down to (not including) the directory itself.
 */
function ancestorScopes(dir: string): IgnoreScope[] {
  const scopes: IgnoreScope[] = [];
  for (let current = dir; ; current = path.dirname(current)) {
    if (current !== dir) {
      const scope = readIgnore(current, path.join(current, '.gitignore'));
      if (scope) scopes.unshift(scope);
    }
    const exclude = infoExclude(current);
    if (exclude !== undefined) {
      const scope = readIgnore(current, exclude);
      if (scope) scopes.unshift(scope);
      break;
    }
    if (path.dirname(current) === current) break;
  }
  return scopes;
}

/**
 * The `info/exclude` file of the repository whose work tree is `dir`, or undefined when `dir` has no `.git`. A `.git`
 * file (a linked worktree or a submodule) points to the git directory; a worktree shares `info/` with the main one.
 */
function infoExclude(dir: string): string | undefined {
  const dotGit = path.join(dir, '.git');
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dotGit);
  } catch {
    return undefined;
  }
  if (stat.isDirectory()) return path.join(dotGit, 'info', 'exclude');
  try {
    const gitDir = path.resolve(dir, /^gitdir:\s*(.+?)\s*$/m.exec(fs.readFileSync(dotGit, 'utf8'))?.[1] ?? '');
    let common = gitDir;
    try {
      common = path.resolve(gitDir, fs.readFileSync(path.join(gitDir, 'commondir'), 'utf8').trim());
    } catch {
      // Not a linked worktree: the git directory is its own.
    }
    return path.join(common, 'info', 'exclude');
  } catch {
    return path.join(dotGit, 'info', 'exclude');
  }
}

function readIgnore(dir: string, file: string): IgnoreScope | undefined {
  try {
    return { dir, rules: ignore().add(fs.readFileSync(file, 'utf8')) };
  } catch {
    return undefined;
  }
}

/** Whether `--ignore-pattern` patterns (relative to `cwd`) exclude a file. */
export function matchesIgnorePattern(file: string, cwd: string, patterns: readonly string[]): boolean {
  return patterns.length > 0 && verdict({ dir: cwd, rules: ignore().add([...patterns]) }, file) === true;
}

/** What one source says about a path: true ignored, false re-included (a `!` pattern), undefined no opinion. */
function verdict(scope: IgnoreScope, file: string, isDirectory = false): boolean | undefined {
  const relative = path.relative(scope.dir, file).split(path.sep).join('/');
  if (relative === '' || relative.startsWith('../') || relative === '..' || path.isAbsolute(relative)) return undefined;
  const result = scope.rules.test(isDirectory ? `${relative}/` : relative);
  return result.ignored ? true : result.unignored ? false : undefined;
}

/** Git's precedence: the command line's patterns, then the deepest source first; the first with an opinion decides. */
function isIgnored(file: string, isDirectory: boolean, scopes: readonly IgnoreScope[], command: IgnoreScope | undefined): boolean {
  const first = command && verdict(command, file, isDirectory);
  if (first !== undefined) return first;
  for (let i = scopes.length - 1; i >= 0; i--) {
    const said = verdict(scopes[i], file, isDirectory);
    if (said !== undefined) return said;
  }
  return false;
}

interface WalkSink {
  readonly onFile: (file: string) => void;
  /** A FIFO, socket or device whose name would have been read. */
  readonly onSpecial: (file: string, kind: string) => void;
  readonly errors: string[];
  /** `--ignore-pattern`. */
  readonly command?: IgnoreScope;
}

function walk(dir: string, inherited: readonly IgnoreScope[], sink: WalkSink, arg: string): void {
  const own = readIgnore(dir, path.join(dir, '.gitignore'));
  const scopes = own ? [...inherited, own] : inherited;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    sink.errors.push(`${path.join(arg, path.relative(path.resolve(arg), dir))}: ${describeError(error)}`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (SKIPPED_DIRECTORIES.has(entry.name) || isDependencyFolder(entry.name, (file) => fs.existsSync(path.join(full, file)))) continue;
      if (!isIgnored(full, true, scopes, sink.command)) walk(full, scopes, sink, arg);
    } else if (!entry.isSymbolicLink() && entry.name !== CONFIG_FILE_NAME && isReadable(entry.name) && !isIgnored(full, false, scopes, sink.command)) {
      if (entry.isFile()) sink.onFile(full);
      else sink.onSpecial(full, fileKind(entry));
    }
  }
}

/** Whether a walk reads a file of this name: code, logs (also rotated, extensionless and gzip-compressed ones). */
export function isReadable(name: string): boolean {
  return readerForPath(name) !== undefined || compressedLogPath(name) !== undefined;
}

function notRegular(display: string, kind: string): string {
  return `${display}: skipped, not a regular file (${kind})`;
}

/** What a non-regular file is, for messages. */
export function fileKind(entry: fs.Stats | fs.Dirent): string {
  if (entry.isFIFO()) return 'a FIFO';
  if (entry.isSocket()) return 'a socket';
  if (entry.isCharacterDevice()) return 'a character device';
  if (entry.isBlockDevice()) return 'a block device';
  if (entry.isDirectory()) return 'a directory';
  return 'not a file';
}

export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ENOSPC') return 'no space left on device';
  if (code === 'EIO') return 'input/output error';
  return error instanceof Error ? error.message : String(error);
}
