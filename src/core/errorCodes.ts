/**
 * LTS error codes (`LTS.0205`) and the API Gateway codes that show up in their place (`APIGW.0101`): lookup and
 * line scanning. Pure: no `vscode`, no `fs`.
 */
import { LTS_ERROR_ROWS, LtsErrorRow } from '../data/errorCodes';
import { Range } from './types';

const byCode = new Map<string, LtsErrorRow>(LTS_ERROR_ROWS.map((row) => [row.errorCode, row]));

/** The table row of an error code (`LTS.0205`, any case), if the table lists it. */
export function errorRow(code: string): LtsErrorRow | undefined {
  return byCode.get(code.toUpperCase());
}

/** An error code found in text. */
export interface ErrorCodeMention {
  readonly range: Range;
  /** Upper-cased: `LTS.0205`, `APIGW.0101`. */
  readonly errorCode: string;
  /** `LTS` or `APIGW`. */
  readonly service: 'LTS' | 'APIGW';
  readonly row?: LtsErrorRow;
}

const ERROR_CODE = /(?<![\w.])(LTS|APIGW)\.(\d{4})(?![\w.])/gi;

export function scanErrorCodes(text: string, line: number): ErrorCodeMention[] {
  if (!/lts|apigw/i.test(text)) return [];
  const found: ErrorCodeMention[] = [];
  for (const match of text.matchAll(ERROR_CODE)) {
    const errorCode = `${match[1].toUpperCase()}.${match[2]}`;
    const start = match.index ?? 0;
    found.push({
      range: { start: { line, character: start }, end: { line, character: start + match[0].length } },
      errorCode,
      service: match[1].toUpperCase() as 'LTS' | 'APIGW',
      row: byCode.get(errorCode),
    });
  }
  return found;
}
