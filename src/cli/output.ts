/** Output formats: ESLint-style "stylish" text, ESLint-compatible JSON, SARIF 2.1.0 and the scan JSON. */
import { DocumentResult, LISTED_CODES, LTS_STATUS_SOURCE, Occurrence, UNLISTED_STATUS_RULE, isListed } from '../core';

export type Severity = 'error' | 'warning';

export interface FileResult {
  readonly path: string;
  readonly language: string;
  readonly result: DocumentResult;
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

export function stylish(files: readonly FileResult[], severity: Severity): string {
  const out: string[] = [];
  let count = 0;
  for (const file of files) {
    if (file.result.findings.length === 0) continue;
    out.push(file.path);
    const rows = file.result.findings.map((finding) => {
      const { line, column } = span(finding.occurrence);
      return [`${line}:${column}`, severity, finding.message, UNLISTED_STATUS_RULE];
    });
    const widths = [0, 1].map((i) => Math.max(...rows.map((row) => row[i].length)));
    for (const row of rows) out.push(`  ${row[0].padEnd(widths[0])}  ${row[1].padEnd(widths[1])}  ${row[2]}  ${row[3]}`);
    out.push('');
    count += rows.length;
  }
  if (count === 0) return '';
  const errors = severity === 'error' ? count : 0;
  out.push(`✖ ${count} problem${count === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${count - errors} warning${count - errors === 1 ? '' : 's'})`);
  return `\n${out.join('\n')}\n`;
}

/** The shape of ESLint's `--format json`, so existing tooling can read it. */
export function eslintJson(files: readonly FileResult[], severity: Severity): string {
  return JSON.stringify(files.map((file) => {
    const messages = file.result.findings.map((finding) => ({
      ruleId: UNLISTED_STATUS_RULE,
      severity: severity === 'error' ? 2 : 1,
      message: finding.message,
      ...span(finding.occurrence),
    }));
    const errors = severity === 'error' ? messages.length : 0;
    return { filePath: file.path, messages, errorCount: errors, warningCount: messages.length - errors };
  }));
}

export function sarif(files: readonly FileResult[], severity: Severity, version: string): string {
  const results = files.flatMap((file) => file.result.findings.map((finding) => {
    const { line, column, endLine, endColumn } = span(finding.occurrence);
    return {
      ruleId: UNLISTED_STATUS_RULE,
      ruleIndex: 0,
      level: severity,
      message: { text: finding.message },
      locations: [{
        physicalLocation: {
          artifactLocation: { uri: encodeURI(file.path.split('\\').join('/')), uriBaseId: '%SRCROOT%' },
          region: { startLine: line, startColumn: column, endLine, endColumn },
        },
      }],
      properties: { statusCode: finding.code, handler: finding.occurrence.handler },
    };
  }));
  return JSON.stringify({
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
      results,
    }],
  }, null, 2);
}

/** `lts-status scan --format json`: every occurrence and every diagnostic of every file read. */
export function scanJson(files: readonly FileResult[], severity: Severity): string {
  return JSON.stringify({
    version: 1,
    files: files.map((file) => ({
      path: file.path,
      language: file.language,
      occurrences: file.result.occurrences.map((occurrence) => ({
        ...span(occurrence),
        code: occurrence.code,
        text: occurrence.text,
        listed: isListed(occurrence.code),
        context: occurrence.context,
      })),
      diagnostics: file.result.findings.map((finding) => ({
        ...span(finding.occurrence),
        code: finding.code,
        severity,
        message: finding.message,
        handler: finding.occurrence.handler,
      })),
    })),
  });
}
