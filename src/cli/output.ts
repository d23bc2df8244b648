/**
 * Output formats: ESLint-style "stylish" text, ESLint-compatible JSON, SARIF 2.1.0 and the scan JSON.
 * Each is written piece by piece as files finish (in file order), so no output is ever one string: a format turns
 * the files' occurrences and findings into text and the caller writes it at once.
 */
import { Finding, LISTED_CODES, LTS_STATUS_SOURCE, Occurrence, UNLISTED_STATUS_RULE, isListed } from '../core';

export type Severity = 'error' | 'warning';

export interface FileHead {
  /** As shown: the argument, or relative to the working directory. */
  readonly path: string;
  readonly language: string;
}

export interface ReportFormat {
  /** Findings written so far. */
  readonly problems: number;
  /** Text before the first file. */
  begin(): string;
  /** Occurrences of the current file as rendered by `renderOccurrences` (not empty), in order; before `file`. */
  occurrences(file: FileHead, rendered: string): string;
  /** The end of the current file, with its findings. */
  file(file: FileHead, findings: readonly Finding[]): string;
  /** Text after the last file. */
  end(): string;
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

export function createFormat(command: 'check' | 'scan', format: string, severity: Severity, version: string): ReportFormat {
  if (command === 'scan') return new ScanJson(severity);
  if (format === 'json') return new EslintJson(severity);
  if (format === 'sarif') return new Sarif(severity, version);
  return new Stylish(severity);
}

/** Counts what a run reported, for the summary and the exit code. */
abstract class Counting implements ReportFormat {
  problems = 0;
  begin(): string {
    return '';
  }
  occurrences(_file: FileHead, _rendered: string): string {
    return '';
  }
  abstract file(file: FileHead, findings: readonly Finding[]): string;
  end(): string {
    return '';
  }
}

export class Stylish extends Counting {
  constructor(private readonly severity: Severity) {
    super();
  }

  override file(file: FileHead, findings: readonly Finding[]): string {
    if (findings.length === 0) return '';
    const rows = findings.map((finding) => {
      const { line, column } = span(finding.occurrence);
      return [`${line}:${column}`, this.severity, printable(finding.message), UNLISTED_STATUS_RULE];
    });
    // A loop, not Math.max(...rows): a bundle can have more findings than a call has room for arguments.
    const widths = [0, 0];
    for (const row of rows) for (const i of [0, 1]) widths[i] = Math.max(widths[i], row[i].length);
    const first = this.problems === 0;
    this.problems += rows.length;
    const lines = rows.map((row) => `  ${row[0].padEnd(widths[0])}  ${row[1].padEnd(widths[1])}  ${row[2]}  ${row[3]}\n`);
    return `${first ? '\n' : ''}${printable(file.path)}\n${lines.join('')}\n`;
  }

  override end(): string {
    const count = this.problems;
    if (count === 0) return '';
    const errors = this.severity === 'error' ? count : 0;
    return `✖ ${count} problem${count === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${count - errors} warning${count - errors === 1 ? '' : 's'})\n`;
  }
}

/** The shape of ESLint's `--format json`, so existing tooling can read it. */
export class EslintJson extends Counting {
  private files = 0;

  constructor(private readonly severity: Severity) {
    super();
  }

  override begin(): string {
    return '[';
  }

  override file(file: FileHead, findings: readonly Finding[]): string {
    const messages = findings.map((finding) => ({
      ruleId: UNLISTED_STATUS_RULE,
      severity: this.severity === 'error' ? 2 : 1,
      message: finding.message,
      ...span(finding.occurrence),
    }));
    const errors = this.severity === 'error' ? messages.length : 0;
    this.problems += messages.length;
    const entry = JSON.stringify({ filePath: file.path, messages, errorCount: errors, warningCount: messages.length - errors });
    return `${this.files++ === 0 ? '' : ','}${entry}`;
  }

  override end(): string {
    return ']\n';
  }
}

/** Where the results go in the pretty-printed SARIF log; the text around it is written before and after them. */
const SARIF_RESULTS = '"results": []';
const SARIF_RESULT_INDENT = ' '.repeat(8);

export class Sarif extends Counting {
  private readonly head: string;
  private readonly tail: string;

  constructor(private readonly severity: Severity, version: string) {
    super();
    const log = JSON.stringify({
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [{
        tool: {
          driver: {
            name: 'lts-status',
            semanticVersion: version,
            informationUri: LTS_STATUS_SOURCE.url,
            rules: [{
              id: UNLISTED_STATUS_RULE,
              name: 'UnlistedStatusCode',
              shortDescription: { text: 'A request handler returns a status code that the LTS API does not list.' },
              fullDescription: { text: `The LTS API documents only these status codes: ${LISTED_CODES.join(', ')}.` },
              helpUri: LTS_STATUS_SOURCE.url,
              defaultConfiguration: { level: severity },
            }],
          },
        },
        columnKind: 'utf16CodeUnits',
        results: [],
      }],
    }, null, 2);
    const at = log.indexOf(SARIF_RESULTS);
    this.head = log.slice(0, at + SARIF_RESULTS.length - 1);
    this.tail = log.slice(at + SARIF_RESULTS.length - 1);
  }

  override begin(): string {
    return this.head;
  }

  override file(file: FileHead, findings: readonly Finding[]): string {
    let out = '';
    for (const finding of findings) {
      const { line, column, endLine, endColumn } = span(finding.occurrence);
      const result = JSON.stringify({
        ruleId: UNLISTED_STATUS_RULE,
        ruleIndex: 0,
        level: this.severity,
        message: { text: finding.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: encodeURI(file.path.split('\\').join('/')), uriBaseId: '%SRCROOT%' },
            region: { startLine: line, startColumn: column, endLine, endColumn },
          },
        }],
        properties: { statusCode: finding.code, handler: finding.occurrence.handler },
      }, null, 2);
      out += `${this.problems++ === 0 ? '\n' : ',\n'}${SARIF_RESULT_INDENT}${result.split('\n').join(`\n${SARIF_RESULT_INDENT}`)}`;
    }
    return out;
  }

  override end(): string {
    return `${this.problems > 0 ? `\n${SARIF_RESULT_INDENT.slice(2)}` : ''}${this.tail}\n`;
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

/** `lts-status scan --format json`: every occurrence and every diagnostic of every file read. */
export class ScanJson extends Counting {
  private files = 0;
  /** The current file's entry is open, and how many pieces of occurrences it has so far. */
  private open = false;
  private written = 0;

  constructor(private readonly severity: Severity) {
    super();
  }

  override begin(): string {
    return '{"version":1,"files":[';
  }

  override occurrences(file: FileHead, rendered: string): string {
    const opening = this.opening(file);
    return `${opening}${this.written++ === 0 ? '' : ','}${rendered}`;
  }

  override file(file: FileHead, findings: readonly Finding[]): string {
    const out = this.opening(file);
    this.open = false;
    this.problems += findings.length;
    return `${out}],"diagnostics":${JSON.stringify(findings.map((finding) => ({
      ...span(finding.occurrence),
      code: finding.code,
      severity: this.severity,
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
