import * as assert from 'assert';
import {
  describeStatus, HTTP_STATUS_ENTRIES, isListed, isStatusCode, LISTED_CODES, lookupEntries, LTS_ERROR_ROWS, LTS_STATUS_ROWS,
  tableGroups,
  statusClassOf, statusName, suggestionsFor,
} from '../../src/core';
import { readTsv, docsTable } from './helpers';

suite('status-code table', () => {
  test('holds exactly the rows of the documentation TSV, verbatim', () => {
    const rows = readTsv(docsTable('lts-status-codes.tsv'));
    assert.strictEqual(rows.length, 11);
    assert.deepStrictEqual(
      LTS_STATUS_ROWS.map((r) => ({ status_code: String(r.code), returned_value: r.returnedValue, description: r.description })),
      rows,
    );
  });

  test('is frozen', () => {
    assert.ok(Object.isFrozen(LTS_STATUS_ROWS));
    assert.ok(LTS_STATUS_ROWS.every((row) => Object.isFrozen(row)));
    assert.throws(() => { (LTS_STATUS_ROWS as unknown as unknown[]).push({}); });
  });

  test('lists the eleven codes in order', () => {
    assert.deepStrictEqual([...LISTED_CODES], [200, 201, 204, 400, 401, 403, 404, 408, 429, 500, 503]);
    assert.ok(isListed(429));
    assert.ok(!isListed(409));
  });

  test('names every other registered HTTP code with its IANA phrase', () => {
    assert.strictEqual(statusName(409), 'Conflict');
    assert.strictEqual(statusName(422), 'Unprocessable Content');
    assert.strictEqual(statusName(413), 'Content Too Large');
    assert.strictEqual(statusName(299), undefined);
    assert.strictEqual(statusName(418), "I'm a teapot (Unused)");
    assert.strictEqual(describeStatus(510).httpNote, 'obsoleted');
    const codes = HTTP_STATUS_ENTRIES.map((e) => e.code);
    assert.deepStrictEqual(codes, [...codes].sort((a, b) => a - b), 'registry sorted');
    assert.strictEqual(new Set(codes).size, codes.length, 'no duplicates');
    for (const code of LISTED_CODES) assert.ok(codes.includes(code), `${code} in the registry`);
    assert.strictEqual(codes.length, 64);
  });

  test('201 keeps the table value "OK" and knows HTTP says "Created"', () => {
    const info = describeStatus(201);
    assert.strictEqual(info.row?.returnedValue, 'OK');
    assert.strictEqual(info.httpPhrase, 'Created');
  });

  test('classes', () => {
    assert.strictEqual(statusClassOf(204), 'success');
    assert.strictEqual(statusClassOf(302), 'redirection');
    assert.strictEqual(statusClassOf(429), 'clientError');
    assert.strictEqual(statusClassOf(503), 'serverError');
    assert.strictEqual(statusClassOf(101), 'informational');
  });

  test('valid codes are integers from 100 to 599', () => {
    assert.ok(isStatusCode(100) && isStatusCode(599));
    assert.ok(!isStatusCode(99) && !isStatusCode(600) && !isStatusCode(404.5) && !isStatusCode(NaN));
  });

  test('every unlisted 2xx, 4xx and 5xx code has listed suggestions; listed, 1xx and 3xx codes have none', () => {
    for (let code = 100; code <= 599; code++) {
      const suggestions = suggestionsFor(code);
      if (isListed(code) || code < 200 || (code >= 300 && code < 400)) assert.deepStrictEqual(suggestions, [], `none for ${code}`);
      else {
        assert.ok(suggestions.length > 0, `suggestion for ${code}`);
        for (const s of suggestions) assert.ok(isListed(s), `${s} (for ${code}) is listed`);
      }
    }
    assert.deepStrictEqual(suggestionsFor(409), [400]);
    assert.deepStrictEqual(suggestionsFor(502), [503]);
    assert.deepStrictEqual(suggestionsFor(504), [503, 408]);
    assert.deepStrictEqual(suggestionsFor(422), [400]);
  });

  test('lookup entries: the table, plus a typed unlisted code first', () => {
    assert.deepStrictEqual(lookupEntries('').map((e) => e.info.code), [...LISTED_CODES]);
    const typed = lookupEntries('409');
    assert.strictEqual(typed[0].info.code, 409);
    assert.strictEqual(typed[0].info.listed, false);
    assert.strictEqual(typed.length, 12);
    assert.deepStrictEqual(typed.filter((e) => e.suggested).map((e) => e.info.code), [400]);
    assert.strictEqual(lookupEntries('429').length, 11, 'a listed code is not added twice');
  });
});

suite('the table as a tree (the LTS Status Codes view)', () => {
  test('the eleven listed codes grouped by class; every LTS error code once, under its status', () => {
    const groups = tableGroups();
    assert.deepStrictEqual(groups.map((group) => [group.statusClass, group.entries.map((entry) => entry.info.code)]), [
      ['success', [200, 201, 204]], ['clientError', [400, 401, 403, 404, 408, 429]], ['serverError', [500, 503]],
    ]);
    const errors = groups.flatMap((group) => group.entries.flatMap((entry) => entry.errors.map((row) => {
      assert.strictEqual(row.responseCode, entry.info.code);
      return row.errorCode;
    })));
    assert.deepStrictEqual(errors.sort(), LTS_ERROR_ROWS.map((row) => row.errorCode).sort());
  });
});
