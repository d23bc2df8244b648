/**
 * Which files a run reads: paths are taken literally (a file named `[id]/route.ts` is that file, never a glob);
 * directories are walked, honouring every `.gitignore` on the way and skipping `node_modules` and VCS folders.
 */
import * as fs from 'fs';
import ignore, { Ignore } from 'ignore';
import * as path from 'path';
import { readerForPath } from '../core';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface FileEntry {
  /** As shown in output: the argument itself, or relative to the working directory for files found in a walk. */
  readonly display: string;
  readonly absolute: string;
  /** Named on the command line (read even when its type is unknown or it is ignored). */
  readonly explicit: boolean;
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

export function collectFiles(args: readonly string[], cwd: string): Collected {
  const files: FileEntry[] = [];
  const errors: string[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
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
      walk(absolute, ancestorScopes(absolute), { onFile, errors, onSpecial: (file, kind) => skipped.push(notRegular(display(file), kind)) }, arg);
    } else if (stat.isFile()) {
      add({ display: arg, absolute, explicit: true });
    } else {
      skipped.push(notRegular(arg, fileKind(stat)));
    }
  }
  return { files, errors, skipped };
}

/** The .gitignore files of the folders above a walked directory, up to the repository root. */
function ancestorScopes(dir: string): IgnoreScope[] {
  const scopes: IgnoreScope[] = [];
  for (let current = path.dirname(dir); ; current = path.dirname(current)) {
    const scope = readIgnore(current);
    if (scope) scopes.unshift(scope);
    if (fs.existsSync(path.join(current, '.git')) || path.dirname(current) === current) break;
  }
  return scopes;
}

function readIgnore(dir: string): IgnoreScope | undefined {
  try {
    return { dir, rules: ignore().add(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8')) };
  } catch {
    return undefined;
  }
}

function isIgnored(file: string, isDirectory: boolean, scopes: readonly IgnoreScope[]): boolean {
  return scopes.some((scope) => {
    const relative = path.relative(scope.dir, file).split(path.sep).join('/');
    return relative !== '' && !relative.startsWith('..') && scope.rules.ignores(isDirectory ? `${relative}/` : relative);
  });
}

interface WalkSink {
  readonly onFile: (file: string) => void;
  /** A FIFO, socket or device whose name would have been read. */
  readonly onSpecial: (file: string, kind: string) => void;
  readonly errors: string[];
}

function walk(dir: string, inherited: readonly IgnoreScope[], sink: WalkSink, arg: string): void {
  const own = readIgnore(dir);
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
      if (!SKIPPED_DIRECTORIES.has(entry.name) && !isIgnored(full, true, scopes)) walk(full, scopes, sink, arg);
    } else if (!entry.isSymbolicLink() && readerForPath(entry.name) && !isIgnored(full, false, scopes)) {
      if (entry.isFile()) sink.onFile(full);
      else sink.onSpecial(full, fileKind(entry));
    }
  }
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
