/**
 * The project configuration `.lts-status.json`, shared by the CLI and the editor: found by walking up from a checked
 * file (the nearest file wins; files further up are not merged in), validated here with messages that name the file,
 * the line and the key. Pure: the host reads files and knows its path syntax (Node paths in the CLI, URIs in the
 * editor) through {@link ConfigHost}.
 */
import ignore, { Ignore } from 'ignore';
import { isStatusCode } from './table';

export const CONFIG_FILE_NAME = '.lts-status.json';

export type ConfigSeverity = 'error' | 'warning' | 'information' | 'hint';
export const CONFIG_SEVERITIES: readonly ConfigSeverity[] = Object.freeze(['error', 'warning', 'information', 'hint']);

/** The file's content after validation; every key is optional. */
export interface LtsConfigFile {
  readonly allowedCodes?: readonly number[];
  readonly severity?: ConfigSeverity;
  readonly implicitCodes?: boolean;
  readonly ignore?: readonly string[];
}

/** A configuration file that was found and read. */
export interface LoadedConfig {
  /** Where it is, in the host's syntax. */
  readonly path: string;
  /** Its folder: `ignore` patterns are relative to it. */
  readonly dir: string;
  readonly data: LtsConfigFile;
  /** The `ignore` patterns, compiled (gitignore syntax). */
  readonly matcher: Ignore;
}

/** A malformed configuration file; the message names the file and says what is wrong. */
export class ConfigError extends Error {
  constructor(readonly path: string, readonly detail: string) {
    super(`${path}: ${detail}`);
    this.name = 'ConfigError';
  }
}

/** File access and path syntax of the host. */
export interface ConfigHost {
  /** The file's text, or undefined when it does not exist. Any other failure rejects (reported as a ConfigError). */
  readFile(path: string): Promise<string | undefined>;
  /** The folder of a path; at the root, the path itself. */
  dirname(path: string): string;
  /** The last segment of a path. */
  basename(path: string): string;
  join(dir: string, name: string): string;
}

const KEYS = new Set(['$schema', 'allowedCodes', 'severity', 'implicitCodes', 'ignore']);

/** Line and column (1-based) of a character offset, for parse errors. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

/**
 * Where a text stops being JSON (JSON.parse does not say in every Node version): a small recursive-descent reader
 * that follows RFC 8259 and returns the offset of the first character that cannot continue the text.
 */
function jsonErrorOffset(text: string): number {
  let at = 0;
  const fail = (): never => {
    throw at;
  };
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at])) at++;
  };
  const expect = (char: string) => {
    if (text[at] !== char) fail();
    at++;
  };
  const string = () => {
    expect('"');
    for (;;) {
      if (at >= text.length || text.charCodeAt(at) < 0x20) fail();
      const char = text[at++];
      if (char === '"') return;
      if (char === '\\') {
        if (text[at] === 'u') {
          at++;
          for (let i = 0; i < 4; i++, at++) if (!/[0-9a-fA-F]/.test(text[at] ?? '')) fail();
        } else if ('"\\/bfnrt'.includes(text[at] ?? 'x')) {
          at++;
        } else {
          fail();
        }
      }
    }
  };
  const value = (): void => {
    space();
    const char = text[at];
    if (char === '{') {
      at++;
      space();
      if (text[at] === '}') { at++; return; }
      for (;;) {
        space();
        string();
        space();
        expect(':');
        value();
        space();
        if (text[at] === '}') { at++; return; }
        expect(',');
      }
    }
    if (char === '[') {
      at++;
      space();
      if (text[at] === ']') { at++; return; }
      for (;;) {
        value();
        space();
        if (text[at] === ']') { at++; return; }
        expect(',');
      }
    }
    if (char === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, at)) { at += word.length; return; }
    }
    const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at, at + 400));
    if (!number) fail();
    at += number![0].length;
  };
  try {
    value();
    space();
    return at;
  } catch (offset) {
    return offset as number;
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** Parses and validates the text of a `.lts-status.json`; throws a ConfigError naming `path` when it is malformed. */
export function parseConfig(text: string, path: string): LtsConfigFile {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    if (source.trim() === '') throw new ConfigError(path, 'not valid JSON (the file is empty)');
    const at = jsonErrorOffset(source);
    const found = at >= source.length ? 'end of the file' : JSON.stringify(source[at]);
    throw new ConfigError(path, `not valid JSON at ${lineAndColumn(source, at)}: unexpected ${found}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(path, `must hold a JSON object ({ … }), not ${describeValue(value)}`);
  }
  const object = value as Record<string, unknown>;
  const unknown = Object.keys(object).filter((key) => !KEYS.has(key));
  if (unknown.length > 0) {
    throw new ConfigError(path, `unknown key ${unknown.map((key) => JSON.stringify(key)).join(', ')} (known: allowedCodes, severity, implicitCodes, ignore)`);
  }
  const result: { -readonly [K in keyof LtsConfigFile]: LtsConfigFile[K] } = {};
  if (object.allowedCodes !== undefined) {
    const codes = object.allowedCodes;
    if (!Array.isArray(codes)) throw new ConfigError(path, `"allowedCodes" must be an array of status codes such as [409], not ${describeValue(codes)}`);
    codes.forEach((code, index) => {
      if (typeof code !== 'number' || !isStatusCode(code)) {
        throw new ConfigError(path, `"allowedCodes"[${index}] must be a status code (a whole number from 100 to 599), not ${describeValue(code)}`);
      }
    });
    result.allowedCodes = Object.freeze([...codes] as number[]);
  }
  if (object.severity !== undefined) {
    if (!CONFIG_SEVERITIES.includes(object.severity as ConfigSeverity)) {
      throw new ConfigError(path, `"severity" must be one of ${CONFIG_SEVERITIES.map((s) => `"${s}"`).join(', ')}, not ${describeValue(object.severity)}`);
    }
    result.severity = object.severity as ConfigSeverity;
  }
  if (object.implicitCodes !== undefined) {
    if (typeof object.implicitCodes !== 'boolean') throw new ConfigError(path, `"implicitCodes" must be true or false, not ${describeValue(object.implicitCodes)}`);
    result.implicitCodes = object.implicitCodes;
  }
  if (object.ignore !== undefined) {
    const patterns = object.ignore;
    if (!Array.isArray(patterns)) throw new ConfigError(path, `"ignore" must be an array of gitignore-style patterns such as ["generated/"], not ${describeValue(patterns)}`);
    patterns.forEach((pattern, index) => {
      if (typeof pattern !== 'string') throw new ConfigError(path, `"ignore"[${index}] must be a string (a gitignore-style pattern), not ${describeValue(pattern)}`);
    });
    result.ignore = Object.freeze([...patterns] as string[]);
  }
  return result;
}

/** The configuration that applies to one file, after defaults, the file and the overrides. */
export interface ResolvedConfig {
  /** Codes accepted besides the table: the file's and the overrides', together. */
  readonly allowedCodes: ReadonlySet<number>;
  readonly severity: ConfigSeverity;
  /** Whether codes a framework sends implicitly count (status-flow analysis); true unless the file says false. */
  readonly implicitCodes: boolean;
  /** The file's `ignore` patterns match the file: it is not checked. */
  readonly ignored: boolean;
  /** The configuration file that applies, when there is one. */
  readonly source?: string;
}

/** What the host sets on top of the file (CLI flags, editor settings) and below it (defaults). */
export interface ResolveOptions {
  /** Severity when neither the overrides nor the file set one (the CLI: error; the editor: its setting). */
  readonly defaultSeverity?: ConfigSeverity;
  /** Beats the file's severity (the CLI's --severity). */
  readonly severity?: ConfigSeverity;
  /** Added to the file's allowed codes (the CLI's --allow, the editor's `ltsStatus.allowedCodes`). */
  readonly allowedCodes?: Iterable<number>;
}

/**
 * Finds and reads `.lts-status.json` files for the files of a run or a workspace, each folder looked up once.
 * `forget` drops what is known (the editor calls it when a configuration file changes).
 */
export class ConfigResolver {
  private readonly byDir = new Map<string, Promise<LoadedConfig | undefined>>();

  constructor(private readonly host: ConfigHost) {}

  /** The nearest configuration file at or above `dir`; rejects with a ConfigError when that file is malformed. */
  nearest(dir: string): Promise<LoadedConfig | undefined> {
    let found = this.byDir.get(dir);
    if (!found) {
      found = this.lookUp(dir);
      // A rejection is handled by whoever awaits; this keeps an unobserved one from being reported as unhandled.
      found.catch(() => undefined);
      this.byDir.set(dir, found);
    }
    return found;
  }

  private async lookUp(dir: string): Promise<LoadedConfig | undefined> {
    const path = this.host.join(dir, CONFIG_FILE_NAME);
    let text: string | undefined;
    try {
      text = await this.host.readFile(path);
    } catch (error) {
      throw new ConfigError(path, `cannot be read (${error instanceof Error ? error.message : String(error)})`);
    }
    if (text !== undefined) {
      const data = parseConfig(text, path);
      return { path, dir, data, matcher: ignore().add(data.ignore ?? []) };
    }
    const parent = this.host.dirname(dir);
    return parent === dir ? undefined : this.nearest(parent);
  }

  /** The configuration for a file (its path in the host's syntax). */
  async resolve(file: string, options: ResolveOptions = {}): Promise<ResolvedConfig> {
    const config = await this.nearest(this.host.dirname(file));
    return resolveConfig(config, config ? this.relative(config.dir, file) : undefined, options);
  }

  /** The path of `file` below `dir`, `/`-separated. */
  private relative(dir: string, file: string): string | undefined {
    const names: string[] = [];
    for (let current = file; current !== dir;) {
      const parent = this.host.dirname(current);
      if (parent === current) return undefined;
      names.unshift(this.host.basename(current));
      current = parent;
    }
    return names.join('/');
  }

  forget(): void {
    this.byDir.clear();
  }
}

/** Applies defaults, a configuration file (if any) and overrides; `relative` is the file's path below the file's folder. */
export function resolveConfig(config: LoadedConfig | undefined, relative: string | undefined, options: ResolveOptions = {}): ResolvedConfig {
  const data = config?.data ?? {};
  return {
    allowedCodes: new Set([...(data.allowedCodes ?? []), ...(options.allowedCodes ?? [])]),
    severity: options.severity ?? data.severity ?? options.defaultSeverity ?? 'warning',
    implicitCodes: data.implicitCodes ?? true,
    ignored: config !== undefined && relative !== undefined && relative !== '' && config.matcher.ignores(relative),
    ...(config ? { source: config.path } : {}),
  };
}

/**
 * Path operations for hosts whose paths are `/`-separated: POSIX paths and URI strings (`file:///a/b`,
 * `vscode-vfs://github/o/r/a`). An editor host over `vscode.workspace.fs` only has to add `readFile`.
 */
export const slashPaths: Pick<ConfigHost, 'dirname' | 'basename' | 'join'> = {
  dirname(path) {
    const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(path)?.[0] ?? '';
    const rest = path.slice(scheme.length).replace(/\/+$/, '');
    const cut = rest.lastIndexOf('/');
    if (cut < 0) return scheme ? `${scheme}/` : path;
    return `${scheme}${rest.slice(0, cut) || '/'}`;
  },
  basename: (path) => path.replace(/\/+$/, '').slice(path.replace(/\/+$/, '').lastIndexOf('/') + 1),
  join: (dir, name) => (dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`),
};

/**
 * The text of a `.lts-status.json` with `code` added to `allowedCodes` (for the "Allow 409" quick fix): `text` is the
 * current content, or undefined to create the file. Other keys are kept; the result is pretty-printed JSON. Throws a
 * ConfigError (naming `path`) when the current content is malformed, so the caller does not overwrite it.
 */
export function withAllowedCode(text: string | undefined, code: number, path: string): string {
  if (text === undefined) return `${JSON.stringify({ allowedCodes: [code] }, null, 2)}\n`;
  const current = parseConfig(text, path);
  const codes = current.allowedCodes ?? [];
  if (codes.includes(code)) return text;
  // parseConfig validated the text, so it parses; re-reading it keeps `$schema` and the order of the keys (an
  // existing `allowedCodes` stays in its place, a new one goes last).
  const raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as Record<string, unknown>;
  const allowedCodes = [...codes, code].sort((a, b) => a - b);
  return `${JSON.stringify({ ...raw, allowedCodes }, null, 2)}\n`;
}
