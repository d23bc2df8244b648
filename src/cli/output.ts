/**
 * Output formats: ESLint-style "stylish" text, ESLint-compatible JSON, SARIF 2.1.0, GitHub Actions annotations and the scan JSON.
 * Each is written piece by piece as files finish (in file order), so no output is ever one string: a format turns
 * the files' occurrences and findings into text and the caller writes it at once.
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  ConfigSeverity, Finding, LISTED_CODES, LTS_STATUS_SOURCE, Occurrence, ScanOptions, UNLISTED_STATUS_RULE, isListed, visitText,
} from '../core';

export type Severity = ConfigSeverity;

export interface FileHead {
  /** As shown: the argument, or relative to the working directory. */
  readonly path: string;
  readonly language: string;
  /** The severity of this file's findings (its `.lts-status.json`, the flags, the CLI's default). */
  readonly severity: Severity;
}

/** How the run went, for the formats that record it (SARIF's invocation). */
export interface RunSummary {
  /** False when the run failed to read a path or file (exit 2). */
  readonly successful: boolean;
  /** Files that were skipped and other things the user should know, one sentence each. */
  readonly notes: readonly string[];
}

export interface ReportFormat {
  /** Findings written so far; `errors` of them with severity error, `warnings` all others. */
  readonly problems: number;
  readonly errors: number;
  readonly warnings: number;
  /** Text before the first file. */
  begin(): string;
  /**
   * What to write before a piece of the current file's occurrences (rendered by `renderOccurrences` or `renderText`,
   * not empty, in order; before `file`), or undefined when this format does not show occurrences.
   */
  occurrences(file: FileHead): string | undefined;
  /** The end of the current file, with its findings. */
  file(file: FileHead, findings: readonly Finding[]): string;
  /** Text after the last file. */
  end(summary: RunSummary): string;
}

export interface FormatOptions {
  /** `--quiet`: findings whose severity is not error are neither written nor counted. */
  readonly quiet?: boolean;
  /** ANSI colours (stylish only). */
  readonly color?: boolean;
  /** The tool's version, for SARIF. */
  readonly version: string;
  /** The working directory: SARIF's %SRCROOT%. */
  readonly cwd: string;
  /** The run's severity (flag or default), SARIF's rule default. */
  readonly severity: Severity;
}

/** One-based line and UTF-16 column, as editors and SARIF count. */
function span(occurrence: Occurrence) {
  return {
    line: occurrence.range.start.line + 1,
    column: occurrence.range.start.character + 1,
    endLine: occurrence.range.end.line + 1,
    endColumn: occurrence.range.end.character + 1,
  };
}

/**
 * Text safe for a terminal: C0 and C1 control characters, DEL and bidirectional formatting characters (which can
 * make a line read differently from what it is) written as `\xNN` / `\uNNNN`.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * Whether stylish output is coloured: `FORCE_COLOR` (any value but 0/false) forces it, `NO_COLOR` (any non-empty
 * value, https://no-color.org) or `FORCE_COLOR=0` turns it off; otherwise colours go only to a terminal.
 */
export function useColor(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  if (env.NO_COLOR) return false;
  return isTTY;
}

export const CHECK_FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;

export function createFormat(command: 'check' | 'scan', format: string, options: FormatOptions): ReportFormat {
  if (command === 'scan') return new ScanJson(options);
  if (format === 'json') return new EslintJson(options);
  if (format === 'sarif') return new Sarif(options);
  if (format === 'github') return new GithubAnnotations(options);
  return new Stylish(options);
}

/** Counts what a run reported, for the summary and the exit code, and drops what `--quiet` hides. */
abstract class Counting implements ReportFormat {
  errors = 0;
  warnings = 0;

  constructor(protected readonly options: FormatOptions) {}

  get problems(): number {
    return this.errors + this.warnings;
  }

  begin(): string {
    return '';
  }
  occurrences(_file: FileHead): string | undefined {
    return undefined;
  }
  file(file: FileHead, findings: readonly Finding[]): string {
    const shown = this.options.quiet && file.severity !== 'error' ? [] : findings;
    const out = this.render(file, shown);
    if (file.severity === 'error') this.errors += shown.length;
    else this.warnings += shown.length;
    return out;
  }
  /** The file's text; `this.problems` still counts the findings before it. */
  protected abstract render(file: FileHead, findings: readonly Finding[]): string;
  end(_summary: RunSummary): string {
    return '';
  }
}

const STYLISH_LABELS: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

/** ANSI SGR sequences, or nothing without colour. */
function painter(color: boolean | undefined) {
  const paint = (open: number, close: number) => (text: string) => (color ? `\x1b[${open}m${text}\x1b[${close}m` : text);
  return { red: paint(31, 39), yellow: paint(33, 39), blue: paint(34, 39), dim: paint(2, 22), bold: paint(1, 22), underline: paint(4, 24) };
}

export class Stylish extends Counting {
  private readonly paint = painter(this.options.color);

  protected override render(file: FileHead, findings: readonly Finding[]): string {
    if (findings.length === 0) return '';
    const rows = findings.map((finding) => {
      const { line, column } = span(finding.occurrence);
      return [`${line}:${column}`, STYLISH_LABELS[file.severity], printable(finding.message), UNLISTED_STATUS_RULE];
    });
    // A loop, not Math.max(...rows): a bundle can have more findings than a call has room for arguments.
    const widths = [0, 0];
    for (const row of rows) for (const i of [0, 1]) widths[i] = Math.max(widths[i], row[i].length);
    const tone = file.severity === 'error' ? this.paint.red : file.severity === 'warning' ? this.paint.yellow : this.paint.blue;
    const lines = rows.map((row) => `  ${this.paint.dim(row[0].padEnd(widths[0]))}  ${tone(row[1].padEnd(widths[1]))}  ${row[2]}  ${this.paint.dim(row[3])}\n`);
    return `${this.problems === 0 ? '\n' : ''}${this.paint.underline(printable(file.path))}\n${lines.join('')}\n`;
  }

  override end(): string {
    const count = this.problems;
    if (count === 0) return '';
    const { errors, warnings } = this;
    const text = `✖ ${count} problem${count === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
    return `${this.paint.bold((errors > 0 ? this.paint.red : this.paint.yellow)(text))}\n`;
  }
}

/** The shape of ESLint's `--format json`, so existing tooling can read it (information and hint count as warnings). */
export class EslintJson extends Counting {
  private files = 0;

  override begin(): string {
    return '[';
  }

  protected override render(file: FileHead, findings: readonly Finding[]): string {
    const error = file.severity === 'error';
    const messages = findings.map((finding) => ({
      ruleId: UNLISTED_STATUS_RULE,
      severity: error ? 2 : 1,
      message: finding.message,
      ...span(finding.occurrence),
    }));
    const entry = JSON.stringify({
      filePath: file.path, messages, errorCount: error ? messages.length : 0, warningCount: error ? 0 : messages.length,
    });
    return `${this.files++ === 0 ? '' : ','}${entry}`;
  }

  override end(): string {
    return ']\n';
  }
}

/** GitHub Actions workflow commands: `::error file=…,line=…::message`, one per finding, shown as annotations. */
export class GithubAnnotations extends Counting {
  protected override render(file: FileHead, findings: readonly Finding[]): string {
    const command = file.severity === 'error' ? 'error' : file.severity === 'warning' ? 'warning' : 'notice';
    return findings.map((finding) => {
      const { line, column, endLine, endColumn } = span(finding.occurrence);
      const properties = [`file=${githubProperty(file.path.split(path.sep).join('/'))}`, `line=${line}`, `col=${column}`,
        `endLine=${endLine}`, `endColumn=${endColumn}`, `title=${githubProperty(`LTS ${UNLISTED_STATUS_RULE}`)}`];
      return `::${command} ${properties.join(',')}::${githubData(finding.message)}\n`;
    }).join('');
  }
}

/** A workflow command's message, escaped as GitHub's toolkit does (`%`, CR, LF). */
export function githubData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: the message escapes plus `:` and `,`, which separate properties. */
export function githubProperty(text: string): string {
  return githubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const SARIF_LEVELS: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/**
 * A file's SARIF artifact location: a path relative to the working directory as a relative URI reference against
 * %SRCROOT% (each segment percent-encoded, so `a#b c.js` is `a%23b%20c.js`), an absolute path or one outside the
 * working directory as a `file://` URI.
 */
export function sarifLocation(display: string, cwd: string): { uri: string; uriBaseId?: string } {
  const absolute = path.resolve(cwd, display);
  const relative = path.relative(cwd, absolute);
  if (path.isAbsolute(display) || relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return { uri: pathToFileURL(absolute).href };
  }
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

/** Where the results go in the pretty-printed SARIF log; the text around it is written before and after them. */
const SARIF_RESULTS = '"results": []';
const SARIF_INVOCATIONS = '"invocations": []';
const SARIF_RESULT_INDENT = ' '.repeat(8);

export class Sarif extends Counting {
  private readonly head: string;
  private readonly tail: string;
  private written = 0;

  constructor(options: FormatOptions) {
    super(options);
    const srcRoot = pathToFileURL(options.cwd).href;
    const log = JSON.stringify({
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [{
        tool: {
          driver: {
            name: 'lts-status',
            semanticVersion: options.version,
            informationUri: LTS_STATUS_SOURCE.url,
            rules: [{
              id: UNLISTED_STATUS_RULE,
              name: 'UnlistedStatusCode',
              shortDescription: { text: 'A request handler returns a status code that the LTS API does not list.' },
              fullDescription: { text: `The LTS API documents only these status codes: ${LISTED_CODES.join(', ')}.` },
              help: { text: `Return one of the status codes the LTS API documents (${LISTED_CODES.join(', ')}), or allow the code in .lts-status.json ("allowedCodes").` },
              helpUri: LTS_STATUS_SOURCE.url,
              defaultConfiguration: { level: SARIF_LEVELS[options.severity] },
            }],
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: srcRoot.endsWith('/') ? srcRoot : `${srcRoot}/` } },
        columnKind: 'utf16CodeUnits',
        results: [],
        invocations: [],
      }],
    }, null, 2);
    const at = log.indexOf(SARIF_RESULTS);
    this.head = log.slice(0, at + SARIF_RESULTS.length - 1);
    this.tail = log.slice(at + SARIF_RESULTS.length - 1);
  }

  override begin(): string {
    return this.head;
  }

  protected override render(file: FileHead, findings: readonly Finding[]): string {
    let out = '';
    for (const finding of findings) {
      const { line, column, endLine, endColumn } = span(finding.occurrence);
      const result = JSON.stringify({
        ruleId: UNLISTED_STATUS_RULE,
        ruleIndex: 0,
        level: SARIF_LEVELS[file.severity],
        message: { text: finding.message },
        locations: [{
          physicalLocation: {
            artifactLocation: sarifLocation(file.path, this.options.cwd),
            region: { startLine: line, startColumn: column, endLine, endColumn },
          },
        }],
        properties: { statusCode: finding.code, handler: finding.occurrence.handler },
      }, null, 2);
      out += `${this.written++ === 0 ? '\n' : ',\n'}${SARIF_RESULT_INDENT}${result.split('\n').join(`\n${SARIF_RESULT_INDENT}`)}`;
    }
    return out;
  }

  override end(summary: RunSummary): string {
    const invocation = JSON.stringify([{
      executionSuccessful: summary.successful,
      ...(summary.notes.length > 0
        ? { toolExecutionNotifications: summary.notes.map((text) => ({ level: 'warning', message: { text } })) }
        : {}),
    }], null, 2).split('\n').join(`\n${' '.repeat(6)}`);
    const tail = this.tail.replace(SARIF_INVOCATIONS, `"invocations": ${invocation}`);
    return `${this.written > 0 ? `\n${SARIF_RESULT_INDENT.slice(2)}` : ''}${tail}\n`;
  }
}

/**
 * Occurrences as items of the scan JSON's `occurrences` array, comma-separated. Workers render a log's blocks
 * themselves, so that a string, not a million objects, crosses to the main thread.
 */
export function renderOccurrences(occurrences: readonly Occurrence[]): string {
  return occurrences.map((occurrence) => JSON.stringify({
    ...span(occurrence),
    code: occurrence.code,
    text: occurrence.text,
    listed: isListed(occurrence.code),
    context: occurrence.context,
  })).join(',');
}

/** Rendered occurrences: JSON text, or its UTF-8 bytes (a log's blocks, which a worker hands over without a copy). */
export type Rendered = string | Uint8Array;

const ASCII = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const LINE = ASCII('{"line":');
const COLUMN = ASCII(',"column":');
const END_LINE = ASCII(',"endLine":');
const END_COLUMN = ASCII(',"endColumn":');
const CODE = ASCII(',"code":');
const TEXT = ASCII(',"text":');
const LISTED = ASCII(',"listed":true,"context":"mention"}');
const UNLISTED = ASCII(',"listed":false,"context":"mention"}');
const encoder = new TextEncoder();

/** A growing byte buffer written without intermediate strings. */
class Bytes {
  private buffer = new Uint8Array(16 * 1024);
  length = 0;

  private room(size: number): void {
    if (this.length + size <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + size));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  /** A short constant: copied byte by byte, which is cheaper than `set` for a few dozen bytes. */
  bytes(part: Uint8Array): void {
    this.room(part.length);
    const { buffer } = this;
    for (let i = 0; i < part.length; i++) buffer[this.length + i] = part[i];
    this.length += part.length;
  }

  byte(value: number): void {
    this.room(1);
    this.buffer[this.length++] = value;
  }

  /** A non-negative integer in decimal. */
  int(value: number): void {
    const digits = value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : value < 10000 ? 4 : value < 100000 ? 5 : String(value).length;
    this.room(digits);
    let at = this.length + digits;
    this.length = at;
    do {
      const rest = Math.floor(value / 10);
      this.buffer[--at] = 48 + value - rest * 10;
      value = rest;
    } while (value > 0);
  }

  text(value: string): void {
    this.room(value.length * 3);
    this.length += encoder.encodeInto(value, this.buffer.subarray(this.length)).written;
  }

  /** The bytes written, in a buffer of their own (it can be transferred). */
  take(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

/**
 * The scan JSON of the occurrences of a block of log text (`visitText`), as UTF-8 bytes written straight from their
 * positions, without an object or a string per occurrence: the bytes of `renderOccurrences(scanText(text, options))`.
 */
export function renderText(text: string, options: ScanOptions): Uint8Array {
  const out = new Bytes();
  visitText(text, (line, character, code, phrase) => {
    if (out.length > 0) out.byte(0x2c);
    out.bytes(LINE);
    out.int(line + 1);
    out.bytes(COLUMN);
    out.int(character + 1);
    out.bytes(END_LINE);
    out.int(line + 1);
    out.bytes(END_COLUMN);
    out.int(character + 1 + (phrase === undefined ? 3 : phrase.length));
    out.bytes(CODE);
    out.int(code);
    out.bytes(TEXT);
    if (phrase === undefined) {
      out.byte(0x22);
      out.int(code);
      out.byte(0x22);
    } else {
      out.text(JSON.stringify(phrase));
    }
    out.bytes(isListed(code) ? LISTED : UNLISTED);
  }, options);
  return out.take();
}

/** `lts-status scan --format json`: every occurrence and every diagnostic of every file read. */
export class ScanJson extends Counting {
  private files = 0;
  /** The current file's entry is open, and how many pieces of occurrences it has so far. */
  private open = false;
  private written = 0;

  override begin(): string {
    return '{"version":1,"files":[';
  }

  override occurrences(file: FileHead): string {
    const opening = this.opening(file);
    return `${opening}${this.written++ === 0 ? '' : ','}`;
  }

  protected override render(file: FileHead, findings: readonly Finding[]): string {
    const out = this.opening(file);
    this.open = false;
    return `${out}],"diagnostics":${JSON.stringify(findings.map((finding) => ({
      ...span(finding.occurrence),
      code: finding.code,
      severity: file.severity,
      message: finding.message,
      handler: finding.occurrence.handler,
    })))}}`;
  }

  override end(): string {
    return ']}\n';
  }

  private opening(file: FileHead): string {
    if (this.open) return '';
    this.open = true;
    this.written = 0;
    return `${this.files++ === 0 ? '' : ','}{"path":${JSON.stringify(file.path)},"language":${JSON.stringify(file.language)},"occurrences":[`;
  }
}
