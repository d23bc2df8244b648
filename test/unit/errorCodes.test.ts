import * as assert from 'assert';
import { errorCodeMarkdown, errorCodeNote, errorRow, explainErrorText, LTS_ERROR_ROWS, scanErrorCodes } from '../../src/core';
import { readTsv, docsTable } from './helpers';

suite('LTS error codes', () => {
  test('the table holds exactly the rows of the documentation TSV, verbatim and in order', () => {
    const rows = readTsv(docsTable('lts-error-codes.tsv'));
    assert.strictEqual(rows.length, 15);
    assert.deepStrictEqual(LTS_ERROR_ROWS.map((r) => ({
      response_code: String(r.responseCode), error_code: r.errorCode, description: r.description,
      error_message: r.errorMessage, handling_measure: r.handlingMeasure,
    })), rows);
    assert.ok(Object.isFrozen(LTS_ERROR_ROWS) && LTS_ERROR_ROWS.every((row) => Object.isFrozen(row)));
  });

  test('lookup is case-insensitive', () => {
    assert.strictEqual(errorRow('lts.0205')?.responseCode, 400);
    assert.strictEqual(errorRow('LTS.9999'), undefined);
  });

  test('scanning finds LTS and API Gateway codes with their ranges, and nothing inside longer tokens', () => {
    const line = '{"error_code":"LTS.0205","x":"APIGW.0101"} NOTLTS.0205 LTS.02050 lts.0201';
    const found = scanErrorCodes(line, 3);
    assert.deepStrictEqual(found.map((m) => [m.errorCode, m.service, m.range.start.character, m.range.end.character, m.row?.responseCode]), [
      ['LTS.0205', 'LTS', 15, 23, 400], ['APIGW.0101', 'APIGW', 30, 40, undefined], ['LTS.0201', 'LTS', 65, 73, 404],
    ]);
  });

  test('hover explains the code, the status it comes with, the message and the handling measure', () => {
    const md = errorCodeMarkdown({ errorCode: 'LTS.0205', service: 'LTS', row: errorRow('LTS.0205') }, 400);
    assert.ok(md.startsWith('**LTS\\.0205** — LTS error code · comes with **400 Bad Request**'), md);
    assert.ok(md.includes('Failed to create a log stream because the log stream name already exists\\.'), md);
    assert.ok(md.includes('Error message: `The topic name has been existed`'), md);
    assert.ok(md.includes('Handling: Check whether the log stream with the same name already exists\\.'), md);
    assert.ok(!md.includes('this line has'), md);
    assert.ok(errorCodeMarkdown({ errorCode: 'LTS.0010', service: 'LTS', row: errorRow('LTS.0010') }, 400)
      .includes('The LTS table documents LTS\\.0010 with status 500; this line has 400.'));
    assert.ok(errorCodeMarkdown({ errorCode: 'LTS.0106', service: 'LTS' }).includes('is not in the LTS error-code table, which documents 15 codes'));
    assert.ok(errorCodeMarkdown({ errorCode: 'APIGW.0101', service: 'APIGW' }).includes('The API Gateway in front of LTS answered'));
  });

  test('a status hover notes the error code on its line', () => {
    assert.ok(errorCodeNote({ errorCode: 'LTS.0201', row: errorRow('LTS.0201') }, 400).endsWith('The LTS table documents it with status 404.'));
    assert.ok(explainErrorText({ errorCode: 'LTS.0201', service: 'LTS', row: errorRow('LTS.0201') })
      .startsWith('LTS.0201 — LTS error code · comes with 404 Not Found. Failed to create a log stream'));
  });
});
