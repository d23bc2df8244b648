import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { gunzipPull } from '../../src/cli/analyze';
import { isReadable } from '../../src/cli/files';
import { renderOccurrences, renderText } from '../../src/cli/output';
import { run } from '../../src/cli/run';
import { compressedLogPath, detectLogLayout, headLines, logFileLanguage, readerForPath, scanText } from '../../src/core';
import { asText, fixture, nodeGrammars, tempTree } from './helpers';

interface Result { code: number; stdout: string; stderr: string }

async function cli(args: string[], cwd: string): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { cwd, stdout: (t) => { stdout += asText(t); }, stderr: (t) => { stderr += t; }, grammars: nodeGrammars });
  return { code, stdout, stderr };
}

interface ScanFile { path: string; language: string; occurrences: Array<{ line: number; code: number }> }
const scanned = (result: Result): ScanFile[] => JSON.parse(result.stdout).files;
const codesOf = (file: ScanFile | undefined) => file?.occurrences.map((o) => `${o.line}:${o.code}`);

const ACCESS = '10.0.0.1 - - [30/Nov/2026:10:00:00 +0000] "GET /v2/p/groups HTTP/1.1" 429 503 "-" "curl/8.0"\n'
  + '10.0.0.1 - - [30/Nov/2026:10:00:01 +0000] "GET /v2/p/groups HTTP/1.1" 200 404 "-" "curl/8.0"\n';

suite('cli: every log a user has', () => {
  test('a log block is rendered straight from positions: the same JSON as its occurrences, with or without a layout', () => {
    const texts = [
      ...fs.readdirSync(fixture('logs')).map((name) => fs.readFileSync(fixture('logs', name), 'utf8')),
      ACCESS, '\uFEFFstatus=404\r\nInternal Server Error on GET /v2/x\rHTTP/1.1 503\n', 'Ünïcödé “status”: 429 — 𝄞 "status": 500',
      'Error: error creating log group: Bad request with: [POST https://x/v2/p/log-groups]', '',
    ];
    for (const text of texts) {
      for (const firstLine of [0, 41]) {
        const layout = detectLogLayout(headLines(text)) ?? null;
        const options = { layout, firstLine };
        const expected = renderOccurrences(scanText(text, options));
        assert.strictEqual(Buffer.from(renderText(text, options)).toString('utf8'), expected, text.slice(0, 60));
        if (layout && !text.startsWith('# none:')) assert.notStrictEqual(expected, '', 'a fixture with a layout has occurrences');
      }
    }
  });

  test('a log of many blocks with statuses only here and there, or none, gives each occurrence once, in order', async () => {
    const quiet = 'nothing to see on this line, not even a number like 12345\n'.repeat(40_000); // about 40 blocks
    const dir = tempTree({ 'none.log': quiet, 'sparse.log': `${quiet}status=404\n${quiet}${quiet}status=503\n${quiet}` });
    const result = await cli(['scan', 'none.log', 'sparse.log'], dir);
    assert.strictEqual(result.code, 0, result.stderr);
    const [none, sparse] = scanned(result);
    assert.deepStrictEqual(codesOf(none), []);
    assert.deepStrictEqual(codesOf(sparse), ['40001:404', '120002:503']);
  });

  test('log names: rotated, extensionless, HAR, console output; compressed ones for hosts that decompress', () => {
    for (const [name, language] of [
      ['access.log', 'log'], ['access.log.1', 'log'], ['/var/log/nginx/access.log.10', 'log'], ['app.log.2026-11-30', 'log'],
      ['access.log-20261130', 'log'], ['access_log', 'log'], ['error_log.1', 'log'], ['ssl_request_log', 'log'],
      ['access_log-20261130', 'log'], ['capture.har', 'json'], ['nohup.out', 'log'], ['catalina.out', 'log'], ['events.jsonl.1', 'jsonl'],
      ['C:\\logs\\u_ex261130.log', 'log'], ['trace.txt.old', 'plaintext'], ['alb.tsv', 'tsv'], ['requests.csv.1', 'csv'],
      ['2026-11-30-10-00-00-0123456789ABCDEF', 'log'], ['s3-access-2026-11-30-10-00-00-0123456789ABCDEF', 'log'], ['E2EXAMPLE123.2026-11-30-10.abcd1234', 'log'],
      ['lts-archive_usage_2026_11_30_10_00_00_00abcd_v0', 'csv'], ['syslog', 'log'], ['syslog.1', 'log'],
    ] as const) {
      assert.strictEqual(logFileLanguage(name), language, name);
      assert.deepStrictEqual(readerForPath(name), { kind: 'text', language }, name);
    }
    for (const name of [
      'README', 'change_log.md', 'logo.png', 'access.log.gz', 'blog', 'dialog', 'catalog', 'x.log/README', 'v1.2.3', 'backup.1',
      'syslog.conf', 'syslog.go', '2026-11-30', 'jquery.2026-11-30-10.min',
    ]) {
      assert.strictEqual(logFileLanguage(name), undefined, name);
    }
    assert.strictEqual(compressedLogPath('logs/access.log.2.gz'), 'logs/access.log.2');
    assert.strictEqual(compressedLogPath('access_log.gz'), 'access_log');
    assert.strictEqual(compressedLogPath('E2EXAMPLE123.2026-11-30-10.abcd1234.gz'), 'E2EXAMPLE123.2026-11-30-10.abcd1234');
    for (const name of ['logs.tar.gz', 'app.js.gz', 'data.gz', 'access.log']) assert.strictEqual(compressedLogPath(name), undefined, name);
    assert.ok(isReadable('access.log.2.gz') && isReadable('nohup.out') && !isReadable('logs.tar.gz'));
  });

  test('a walk reads rotated, compressed, extensionless and HAR logs; compressed ones give what the plain text does', async () => {
    const har = JSON.stringify({ log: { entries: [{ request: { method: 'GET', url: 'https://x/v2' }, response: { status: 404, statusText: 'Not Found' } }] } });
    const dir = tempTree({
      'logs/access.log': ACCESS,
      'logs/access.log.1': ACCESS,
      'logs/access.log.2.gz': zlib.gzipSync(ACCESS),
      // Two gzip members, as `cat a.gz b.gz` makes them.
      'logs/access.log.3.gz': Buffer.concat([zlib.gzipSync(ACCESS), zlib.gzipSync(ACCESS)]),
      'logs/access_log': ACCESS,
      'logs/nohup.out': 'GET /v2/p/groups -> 503\n',
      'logs/session.har': har,
      'logs/archive.tar.gz': zlib.gzipSync(Buffer.from('tar\0header')),
      'logs/README': 'status=404',
    });
    const result = await cli(['scan', '.'], dir);
    assert.strictEqual(result.stderr, '');
    const files = scanned(result);
    assert.deepStrictEqual(files.map((f) => f.path), [
      'logs/access.log', 'logs/access.log.1', 'logs/access.log.2.gz', 'logs/access.log.3.gz', 'logs/access_log', 'logs/nohup.out', 'logs/session.har',
    ].map((p) => p.split('/').join(path.sep)));
    const plain = codesOf(files[0]);
    assert.deepStrictEqual(plain, ['1:429', '2:200']);
    for (const file of files.slice(1, 3)) assert.deepStrictEqual(codesOf(file), plain, file.path);
    assert.deepStrictEqual(codesOf(files[3]), ['1:429', '2:200', '3:429', '4:200']);
    assert.deepStrictEqual(files.slice(4).map(codesOf), [plain, ['1:503'], ['1:404']]);
    assert.strictEqual(files[6].language, 'json');
  });

  test('a broken gzip file is named on stderr with the reason; what came before the damage stands', async () => {
    const whole = zlib.gzipSync(Buffer.from(ACCESS.repeat(2000)));
    const dir = tempTree({ 'cut.log.gz': whole.subarray(0, whole.length - 20), 'fake.log.gz': 'not gzip, status=404\n' });
    const result = await cli(['scan', 'cut.log.gz', 'fake.log.gz'], dir);
    assert.strictEqual(result.code, 0);
    assert.match(result.stderr, /cut\.log\.gz: (results incomplete|skipped), not readable as gzip \(unexpected end of file\)/);
    // A .gz name whose bytes are not gzip is read as the text it is.
    assert.deepStrictEqual(codesOf(scanned(result).find((f) => f.path === 'fake.log.gz')), ['1:404']);
  });

  test('gzip is read in bounded blocks, not whole', async () => {
    // Request ids that do not repeat, so the text does not compress to almost nothing.
    let seed = 7;
    const id = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed.toString(16); };
    const text = Buffer.from(Array.from({ length: 40_000 }, () => `status=404 request_id=${id()}${id()}${id()}\n`).join(''));
    const compressed = zlib.gzipSync(text);
    let at = 0;
    const read = () => { const part = compressed.subarray(at, at + 4096); at += part.length; return part; };
    const { next, close } = gunzipPull(Buffer.alloc(0), read);
    const parts: Buffer[] = [];
    let largest = 0;
    for (let part = await next(); part.length > 0; part = await next()) {
      // The inflater is fed as its output is taken: after the first block, far less than the whole is read.
      if (parts.length === 0) assert.ok(at < compressed.length / 4, `${at} of ${compressed.length} bytes read for the first block`);
      parts.push(part);
      largest = Math.max(largest, part.length);
    }
    close();
    assert.ok(Buffer.concat(parts).equals(text));
    assert.ok(largest <= 64 * 1024, `blocks of ${largest} bytes`);
  });

  test('a log with NUL padding (a crash, a truncation) or in UTF-16 is read; a binary file named like a log is not', async () => {
    const elf = Buffer.alloc(4096);
    elf.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0, 1, 0, 0, 0, 0x40, 0x10, 0x40]);
    for (let i = 64; i < elf.length; i++) elf[i] = (i * 7) % 32;
    const dir = tempTree({
      'app.log': Buffer.concat([Buffer.from('status=404\n'), Buffer.alloc(3000), Buffer.from('\nstatus=503\n')]),
      'a.out': elf,
      // Windows PowerShell 5.1 writes UTF-16LE with a byte order mark.
      'ps.log': Buffer.from('\ufeffInvoke-WebRequest: GET /v2/p/groups -> 429\r\nstatus=503\r\n', 'utf16le'),
    });
    const result = await cli(['scan', '.'], dir);
    assert.strictEqual(result.stderr, '');
    const files = scanned(result);
    assert.deepStrictEqual(files.map((f) => f.path), ['app.log', 'ps.log']);
    assert.deepStrictEqual(codesOf(files[0]), ['1:404', '3:503']);
    assert.deepStrictEqual(files[1].occurrences.map((o) => [o.line, (o as { column?: number }).column, o.code]), [[1, 40, 429], [2, 8, 503]]);
  });

  test('a line too long to keep is named on stderr; the lines around it are read', async function () {
    this.timeout(60_000);
    const dir = tempTree({ 'huge.log': `status=404\n${'x'.repeat(16 * 1024 * 1024 + 10)} status=503\nstatus=429\n` });
    const result = await cli(['scan', 'huge.log'], dir);
    assert.strictEqual(result.code, 0);
    assert.strictEqual(result.stderr, `lts-status: huge.log: line 2 not read: longer than ${16 * 1024 * 1024} characters\n`);
    assert.deepStrictEqual(codesOf(scanned(result)[0]), ['1:404', '3:429']);
  });

  test('the log fixtures read the same compressed', async () => {
    const names = fs.readdirSync(fixture('logs')).sort();
    const files: Record<string, Buffer> = {};
    for (const name of names) {
      const bytes = fs.readFileSync(fixture('logs', name));
      files[`plain/${name}`] = bytes;
      files[`gz/${name}.gz`] = zlib.gzipSync(bytes);
    }
    const dir = tempTree(files);
    const plain = scanned(await cli(['scan', 'plain'], dir));
    const gz = scanned(await cli(['scan', 'gz'], dir));
    assert.strictEqual(gz.length, names.length);
    assert.deepStrictEqual(gz.map((f) => f.occurrences), plain.map((f) => f.occurrences));
  });
});
