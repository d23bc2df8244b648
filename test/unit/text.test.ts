import * as assert from 'assert';
import * as fs from 'fs';
import { scanLine, scanLines, scanText } from '../../src/core';
import { accessLog } from '../bench/generate';
import { expectations, fixture } from './helpers';

suite('text scanner', () => {
  for (const name of fs.readdirSync(fixture('logs')).sort()) {
    test(`logs/${name}: every line yields exactly the codes its expect: says`, () => {
      const text = fs.readFileSync(fixture('logs', name), 'utf8');
      const expected = expectations(text);
      assert.ok(expected.size > 0, 'fixture has expectations');
      text.split('\n').forEach((line, index) => {
        // The marker is removed first, so its digits cannot count.
        const actual = scanLine(line.replace(/ ?expect:.*$/, ''), index).map((o) => String(o.code));
        assert.deepStrictEqual(actual, expected.get(index) ?? [], `line ${index + 1}: ${line}`);
      });
    });
  }

  test('scanText over a whole file equals scanLine over each of its lines', () => {
    const perLine = (text: string) => text.split(/\r\n|\r|\n/).flatMap((line, index) => scanLine(line, index));
    const texts = fs.readdirSync(fixture('logs')).map((name) => fs.readFileSync(fixture('logs', name), 'utf8'));
    texts.push(accessLog(200_000).join('\n'));
    texts.push('HTTP/1.1 404\r\nAction Forbidden\r\n\r\nstatus=503 Internal Server Error\rInternal Server Error');
    texts.push(`${'x'.repeat(30_000)} status=404\nstatus=429\n${'y '.repeat(15_000)}Action Forbidden`);
    texts.push('');
    for (const text of texts) {
      const whole = scanText(text);
      assert.ok(whole.length > 0 || text === '', 'something found');
      assert.deepStrictEqual(whole, perLine(text));
    }
  });

  test('ranges point at the code', () => {
    const line = '< HTTP/1.1 429 Too Many Requests';
    const [occurrence] = scanLine(line, 7);
    assert.deepStrictEqual(occurrence.range, { start: { line: 7, character: 11 }, end: { line: 7, character: 14 } });
    assert.strictEqual(occurrence.context, 'mention');
  });

  test('traps stay silent', () => {
    for (const line of [
      'width: 200', 'took 500 ms', 'GET /x 404ms', 'listening on :8080', 'pid=404', 'version 1.404.2',
      'id=f404a', 'status=4040', 'status=40', 'status=404.5', 'status=699', 'http_status="abc"',
    ]) {
      assert.deepStrictEqual(scanLine(line, 0), [], line);
    }
  });

  test('very long lines are skipped', () => {
    assert.deepStrictEqual(scanLine(`${'x'.repeat(30_000)} status=404`, 0), []);
  });

  test('scanLines reads only the lines asked for', () => {
    const read: number[] = [];
    const found = scanLines((line) => { read.push(line); return 'HTTP/1.1 404'; }, 10, 12);
    assert.deepStrictEqual(read, [10, 11, 12]);
    assert.deepStrictEqual(found.map((o) => o.range.start.line), [10, 11, 12]);
  });
});
