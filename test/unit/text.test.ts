import * as assert from 'assert';
import * as fs from 'fs';
import { detectLogLayout, headLines, keyKind, LogLayout, scanLine, scanLines, scanText, scanWindow } from '../../src/core';
import { JsonKeyTracker } from '../../src/core/text/json';
import { TEXT_PATTERNS } from '../../src/core/text/patterns';
import { accessLog, realFormatLog } from '../bench/generate';
import { expectations, fixture } from './helpers';

const MARKER = / ?expect:.*$/;
const codes = (line: string, layout?: LogLayout) => scanLine(line, layout ? layout.headerLine + 1 : 0, layout).map((o) => o.code);
/** What scanLine says over each line, with the layout the text's header declares. */
const perLine = (text: string) => {
  const lines = text.split(/\r\n|\r|\n/);
  const layout = detectLogLayout(lines);
  return lines.flatMap((line, index) => scanLine(line, index, layout));
};

suite('text scanner', () => {
  for (const name of fs.readdirSync(fixture('logs')).sort()) {
    test(`logs/${name}: every line yields exactly the codes its expect: says`, () => {
      const text = fs.readFileSync(fixture('logs', name), 'utf8');
      const expected = expectations(text);
      assert.ok(expected.size > 0 || text.startsWith('# none:'), 'fixture has expectations (or says it has none)');
      // The markers are removed first, so their digits cannot count and header-declared columns line up.
      const lines = text.split('\n').map((line) => line.replace(MARKER, ''));
      const layout = detectLogLayout(lines);
      lines.forEach((line, index) => {
        const actual = scanLine(line, index, layout).map((o) => String(o.code));
        assert.deepStrictEqual(actual, expected.get(index) ?? [], `line ${index + 1}: ${line}`);
      });
    });
  }

  test('a pattern never matches on a line without one of the literals it requires (a text without them skips it)', () => {
    let real = '';
    realFormatLog(400_000, (chunk) => { real += chunk; });
    const texts = [
      ...fs.readdirSync(fixture('logs')).map((name) => fs.readFileSync(fixture('logs', name), 'utf8')),
      ...TEXT_PATTERNS.map((pattern) => pattern.description), real, accessLog(100_000).join('\n'),
    ];
    let checked = 0;
    for (const pattern of TEXT_PATTERNS) {
      if (!pattern.requires) continue;
      for (const text of texts) {
        for (const line of text.split(/\r\n|\r|\n/)) {
          const regex = new RegExp(pattern.regex.source, pattern.regex.flags);
          if (!regex.test(line)) continue;
          checked++;
          assert.ok(pattern.requires.some((literal) => line.includes(literal)), `${pattern.id} matches without ${pattern.requires.join(' | ')}: ${line}`);
        }
      }
    }
    assert.ok(checked > 100, `matches checked: ${checked}`);
  });

  test('scanText over a whole file equals scanLine over each of its lines', () => {
    const texts: string[] = [];
    for (const name of fs.readdirSync(fixture('logs'))) {
      const text = fs.readFileSync(fixture('logs', name), 'utf8');
      texts.push(text, text.split('\n').map((line) => line.replace(MARKER, '')).join('\n'));
    }
    texts.push(accessLog(200_000).join('\n'));
    texts.push('HTTP/1.1 404\r\nAction Forbidden GET /v2/x\r\n\r\nstatus=503 Internal Server Error\rInternal Server Error');
    texts.push(`${'x'.repeat(30_000)} status=404\nstatus=429\n${'y '.repeat(15_000)}Action Forbidden LTS.0003`);
    texts.push('#Fields: date time cs-method sc-status\r\n2026-11-30 10:00:00 GET 404\r\n2026-11-30 10:00:01 GET 503 extra\r\n');
    texts.push('');
    for (const text of texts) {
      const whole = scanText(text);
      assert.ok(whole.length > 0 || text === '' || text.startsWith('# none:'), 'something found');
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
      'status=203/EXEC', 'code=exited, status=203/EXEC', 'Main process exited, code=exited, status=143', 'exit status 127',
      'exit_code=137', 'exitCode: 130', 'status_count=404', 'error_code=LTS.0205 errorCode: 500', 'statusCode=700',
      'statusText: 404', 'sc-win32-status=121', 'sc-substatus=500', 'retry=3 code=404', 'GET /x?status=500&code=404 took 3ms',
      'status: 500-599', 'child exited with status 130', 'reason_code=404', 'returnCode=200', 'resp_bytes=404',
      'Completed 200 items in 9ms', 'batch of 200 ok', 'sc-win32-status 404', 'x.status 503', 'exit_code_sent=404', 'upstream 10.0.0.1:443 ready', 'https://lts.example.com:443/v2/x',
      'Authentication failed', 'sshd[4040]: Authentication failed for root from 10.0.0.1 port 404',
      'postfix/smtp[1]: status=deferred (SASL authentication failed)', 'Preauthentication failed GET /x',
      '{"code":404,"msg":"no such file"}', '{"job":{"code":137}}', '{"status":{"code":200}}',
    ]) {
      assert.deepStrictEqual(codes(line), [], line);
    }
  });

  suite('field names', () => {
    test('names that denote a response status, judged by their words', () => {
      for (const name of [
        'status', 'Status', 'status_code', 'statusCode', 'StatusCode', 'statuscode', 'httpStatusCode', 'HTTPStatus', 'http.response.status_code',
        'http_status', 'response_code', 'responseCode', 'resp', 'response', 'upstream_status', 'last_status', 'DownstreamStatus',
        'OriginStatus', 'EdgeResponseStatus', 'OriginResponseStatus', 'elb_status_code', 'target_status_code', 'sc-status',
        'status_code_value', 'statusCodeValue', 'resp_code', 'respcode', 'backend-status', 'elbStatusCode', 'responseCodeSent',
      ]) {
        assert.notStrictEqual(keyKind(name), 'no', name);
        assert.notStrictEqual(keyKind(name), 'bare', name);
      }
      for (const name of [
        'exit_status', 'exitStatus', 'exit_code', 'process_status', 'status_count', 'statusText', 'status_msg', 'error_code',
        'errorCode', 'return_code', 'sc-win32-status', 'sc-substatus', 'info_code', 'reason_code', 'zip_code', 'id.resp_p',
        'resp_bytes', 'response_time', 'statuses', 'signal_code', 'job_status', 'code_count', 'termination_status', 'childStatus',
        'wait_status', 'command_exit_code', 'script_status',
      ]) {
        assert.strictEqual(keyKind(name), 'no', name);
      }
      assert.strictEqual(keyKind('code'), 'bare');
      assert.strictEqual(keyKind('status'), 'plain');
    });

    test('a bare code counts on a request line or under a qualifying JSON key', () => {
      assert.deepStrictEqual(codes('method=GET path=/v2/x code=404'), [404]);
      assert.deepStrictEqual(codes('code=404 items=3'), []);
      assert.deepStrictEqual(codes('{"response":{"code":404}}'), [404]);
      assert.deepStrictEqual(codes('{"http":{"request":{"code":1},"response":{"body":{"x":[1,2]},"code":503}}}'), [503]);
      assert.deepStrictEqual(codes('{"error":{"code":500}}'), []);
      assert.deepStrictEqual(codes('{"msg":"{\\"response\\":{\\"code\\":404}}"}'), []);
    });

    test('a plain status is silent on process-exit lines and needs HTTP context for 1xx', () => {
      assert.deepStrictEqual(codes('status=101'), []);
      assert.deepStrictEqual(codes('GET /ws status=101'), [101]);
      assert.deepStrictEqual(codes('worker exited status=200'), []);
      assert.deepStrictEqual(codes('worker exited status=503'), [503]); // exit statuses end at 255
      assert.deepStrictEqual(codes('status=201'), [201]);
    });

    test('upstream status lists', () => {
      assert.deepStrictEqual(codes('{"upstream_status":"502, 504 : 200"}'), [502, 504, 200]);
      assert.deepStrictEqual(codes('{"status":"502, 504"}'), [502]);
    });
  });

  suite('reason phrases', () => {
    test('a number followed by its own phrase, in any case and separator style', () => {
      for (const [line, code] of [
        ['410 Gone', 410], ['answered 410 Gone', 410], ['Completed 409 CONFLICT in 5ms', 409], ['[429 Too Many Requests]', 429],
        ['429 TOO_MANY_REQUESTS', 429], ['429 Too-Many-Requests', 429], ['got 503 service unavailable', 503], ['Completed 200 OK in 9ms', 200],
        ['Response 422 UNPROCESSABLE_ENTITY', 422], ['Response 413 Payload Too Large', 413], ['418 I\'m a teapot', 418], ['404 - Not Found', 404],
        ['Response status code does not indicate success: 401 (Unauthorized).', 401], ['upstream said 503 (Service Unavailable)', 503],
      ] as const) {
        assert.deepStrictEqual(codes(line), [code], line);
      }
    });

    test('a phrase of another code, a partial phrase or a one-word phrase in lower case is not enough', () => {
      for (const line of [
        '404 Gone', '500 Internal', '200 ok', '409 Conflicts', '201 Createdby', 'v1.404 Not Found', 'x-404 Not Found', 'retry after 200 (ms)',
        '404 (Gone)',
      ]) {
        assert.deepStrictEqual(codes(line), [], line);
      }
    });
  });

  suite('phrases without a number', () => {
    test('need HTTP context unless they name the request or the server themselves', () => {
      assert.deepStrictEqual(codes('Authentication failed'), []);
      assert.deepStrictEqual(codes('Authentication failed for https://lts.example.com/v2/p/groups'), [401]);
      assert.deepStrictEqual(codes('Authentication failed, error_code: LTS.0001'), [401]);
      assert.deepStrictEqual(codes('Action Forbidden'), []);
      assert.deepStrictEqual(codes('Internal Server Error'), [500]);
      assert.deepStrictEqual(codes('Too many requests have been sent'), [429]);
    });

    test('are silent in auth, Kerberos and mail daemons', () => {
      assert.deepStrictEqual(codes('krb5kdc[1]: Authentication failed for https://x/v2/'), []);
      assert.deepStrictEqual(codes('dovecot: Internal Server Error'), []);
    });
  });

  suite('header-declared columns', () => {
    const w3c = ['#Software: Microsoft Internet Information Services 10.0', '#Version: 1.0',
      '#Fields: date time cs-method cs-uri-stem cs-uri-query sc-status sc-bytes time-taken'];

    test('W3C #Fields names the status column', () => {
      const layout = detectLogLayout(w3c);
      assert.ok(layout);
      assert.strictEqual(layout.format, 'w3c');
      assert.strictEqual(layout.headerLine, 2);
      assert.deepStrictEqual(layout.statusColumns, [5]);
      assert.deepStrictEqual(codes('2026-11-30 10:00:00 GET /x status=500 404 201 503', layout), [404]);
      assert.deepStrictEqual(codes('2026-11-30\t10:00:00\tGET\t/x\t-\t429\t201\t503', layout), [429]); // CloudFront: tabs
      // A line of another shape is read like any text.
      assert.deepStrictEqual(codes('GET /x status=500', layout), [500]);
    });

    test('the layout comes from the head of a document; a line far below is scanned alone', () => {
      const layout = detectLogLayout(w3c);
      const read: number[] = [];
      const found = scanLines((line) => { read.push(line); return '2026-11-30 10:00:00 GET /x - 503 404 12'; }, 50_000, 50_000, layout);
      assert.deepStrictEqual(read, [50_000]);
      assert.deepStrictEqual(found.map((o) => [o.range.start.line, o.code, o.range.start.character]), [[50_000, 503, 29]]);
      // Lines above the header are not governed by it.
      assert.deepStrictEqual(scanLine('2026-11-30 10:00:00 get /x - 503 404 12', 1, layout).map((o) => o.code), []);
      assert.deepStrictEqual(scanLine('2026-11-30 10:00:00 get /x - 503 404 12', 3, layout).map((o) => o.code), [503]);
    });

    test('Zeek #fields with its #separator, CSV and TSV headers', () => {
      const zeek = detectLogLayout(['#separator \\x09', '#path\thttp', '#fields\tts\tid.resp_p\tmethod\tstatus_code\tinfo_code', '#types\ttime\tport\tstring\tcount\tcount']);
      assert.deepStrictEqual([zeek?.format, zeek?.statusColumns], ['zeek', [3]]);
      assert.deepStrictEqual(codes('1.5\t443\tGET\t404\t100', zeek), [404]);
      const csv = detectLogLayout(['time,method,path,code,bytes']);
      assert.deepStrictEqual([csv?.format, csv?.statusColumns], ['csv', [3]]);
      assert.deepStrictEqual(codes('"2026-11-30, 10:00",GET,"/x?a=1,2",503,404', csv), [503]);
      assert.strictEqual(detectLogLayout(['time,name,code,bytes']), undefined, 'a bare code column needs request columns');
      const tsv = detectLogLayout(['time\telb_status_code\ttarget_status_code']);
      assert.deepStrictEqual(codes('t\t502\t-', tsv), [502]);
    });

    test('no layout for ordinary logs', () => {
      for (const head of [['127.0.0.1 - - [30/Nov/2026:10:00:00 +0000] "GET / HTTP/1.1" 200 5'], ['{"status":200,"bytes":5}'], ['level,message'], ['']]) {
        assert.strictEqual(detectLogLayout(head), undefined, head[0]);
      }
    });

    test('scanText takes a layout and a first line for chunks', () => {
      const layout = detectLogLayout(w3c);
      const found = scanText('2026-11-30 10:00:00 GET /x - 503 404 12\nGET /y HTTP/1.1 429', { layout, firstLine: 10 });
      assert.deepStrictEqual(found.map((o) => [o.range.start.line, o.code]), [[10, 503], [11, 429]]);
      assert.deepStrictEqual(headLines('a\nb\r\nc').length, 3);
    });
  });

  suite('long lines', () => {
    test('are scanned whatever their length', () => {
      assert.deepStrictEqual(codes(`${'x'.repeat(30_000)} status=404`), [404]);
    });

    test('a HAR minified onto one line yields what the pretty-printed one does', function () {
      this.timeout(60_000); // a few megabytes of JSON; the machine may be shared
      const entries = Array.from({ length: 8000 }, (_, i) => ({
        request: { method: 'GET', url: `https://lts.example.com/v2/p/groups/${i}`, headersSize: 404, bodySize: 0 },
        response: { status: [200, 404, 429, 503][i % 4], statusText: 'x', headersSize: 201, bodySize: 500, content: { size: 500 } },
        timings: { send: 0, wait: 201, receive: 1 },
      }));
      const har = { log: { version: '1.2', entries } };
      const minified = JSON.stringify(har);
      assert.ok(minified.length > 1_000_000);
      const pretty = JSON.stringify(har, null, 2);
      const one = scanText(minified).map((o) => o.code);
      assert.deepStrictEqual(one, scanText(pretty).map((o) => o.code));
      assert.strictEqual(one.length, 8000);
      assert.deepStrictEqual(scanLine(minified, 0).map((o) => o.code), one);
    });

    test('pathological lines finish (every pattern is linear)', function () {
      this.timeout(60_000); // a quadratic pattern would take minutes on these
      const inputs = [
        '"GET '.repeat(200_000), '{"a":'.repeat(200_000), '] "'.repeat(200_000), 'code='.repeat(200_000) + 'GET /x',
        '[30/Nov/2026:10:00:00 +0000] "'.repeat(50_000), '.123] a b 1/2/3/4/5 '.repeat(50_000), '| 200 '.repeat(200_000),
        '{"response":{"code":"'.repeat(100_000) + '404', '404 Not '.repeat(200_000), '"\\'.repeat(200_000),
      ];
      for (const input of inputs) scanLine(input, 0);
    });

    test('scanWindow reads only around the columns asked for, and says so', () => {
      const filler = ',"x":"'.concat('y'.repeat(100), '"').repeat(20_000);
      const line = `{"method":"GET"${filler},"status":429${filler},"code":404}`;
      const at = line.indexOf('429');
      const window = scanWindow(line, 3, at, at);
      assert.strictEqual(window.complete, false);
      assert.ok(window.to - window.from < 10_000);
      assert.deepStrictEqual(window.occurrences.map((o) => [o.code, o.range.start.line, o.range.start.character]), [[429, 3, at]]);
      // Line-wide context is judged from the window: the bare code far from the method is not taken.
      const far = line.lastIndexOf('404');
      assert.deepStrictEqual(scanWindow(line, 3, far, far).occurrences, []);
      assert.deepStrictEqual(scanLine(line, 3).map((o) => o.code), [429, 404]);
      const short = scanWindow('status=503 and status=404', 0, 0, 30);
      assert.strictEqual(short.complete, true);
      assert.deepStrictEqual(short.occurrences.map((o) => o.code), [503, 404]);
    });
  });

  test('the JSON key tracker follows nesting, arrays and strings', () => {
    const text = '{"a":{"b":[{"c":1}],"d\\"x":{"e":"f:{"}},"g":2}';
    const tracker = new JsonKeyTracker(text, 0, text.length);
    assert.deepStrictEqual(tracker.parentsAt(text.indexOf('"c":') + 3), ['a', 'b']);
    assert.strictEqual(tracker.parentsAt(text.indexOf('f:{') + 1), undefined, 'inside a string');
    assert.deepStrictEqual(tracker.parentsAt(text.indexOf('"g":') + 3), []);
  });

  test('scanLines reads only the lines asked for', () => {
    const read: number[] = [];
    const found = scanLines((line) => { read.push(line); return 'HTTP/1.1 404'; }, 10, 12);
    assert.deepStrictEqual(read, [10, 11, 12]);
    assert.deepStrictEqual(found.map((o) => o.range.start.line), [10, 11, 12]);
  });
});
