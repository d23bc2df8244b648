import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { LineBlocks, scanStream } from '../../src/cli/analyze';
import { printable } from '../../src/cli/output';
import { jobLimit, run } from '../../src/cli/run';
import { isListed, Occurrence, readerForPath, scanText } from '../../src/core';

/** A small line limit for the streaming tests (the CLI's own is 16 MiB). */
const MAX_TEXT_LINE_LENGTH = 20_000;
import { asText, ENGINE_TEST_TIMEOUT_MS, fixture, nodeGrammars, repoRoot, tempTree } from './helpers';

interface Result { code: number; stdout: string; stderr: string }

async function cli(args: string[], cwd = repoRoot): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { cwd, stdout: (t) => { stdout += asText(t); }, stderr: (t) => { stderr += t; }, grammars: nodeGrammars });
  return { code, stdout, stderr };
}


interface SarifLog {
  version: string;
  runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: object } }> }> }>;
}

/** Code fixtures by path relative to the repository, as the CLI reports them. */
function fixtureFiles(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (readerForPath(full)?.kind === 'code') out.push([path.relative(repoRoot, full), fs.readFileSync(full, 'utf8')]);
    }
  };
  walk(fixture());
  return out;
}

const HANDLER = 'app.post("/x", (req, res) => {\n  res.status(409).end();\n});\n';

suite('cli', function () {
  // Spawns the CLI and its worker threads, each of which compiles its grammars (see ENGINE_TEST_TIMEOUT_MS).
  this.timeout(ENGINE_TEST_TIMEOUT_MS);
  test('check: stylish findings per file, exit 1', async () => {
    const { code, stdout, stderr } = await cli(['check', 'test/fixtures/javascript/express.js']);
    assert.strictEqual(code, 1, stderr);
    const lines = stdout.split('\n');
    assert.strictEqual(lines[1], 'test/fixtures/javascript/express.js');
    assert.strictEqual(lines[2], '  13:14  error  createLogStream returns 409 Conflict, not an LTS status code — use 400 Bad Request  unlisted-status');
    assert.ok(stdout.includes('✖ 6 problems (6 errors, 0 warnings)'), stdout);
    assert.ok(!stdout.includes('\x1b['), 'no colours unless asked');
  });

  test('check over every fixture reports exactly the unlisted handler codes their markers name', async function () {
    // Parses every fixture in this thread; generous for a busy machine.
    this.timeout(60_000);
    const { code, stdout } = await cli(['check', '--format', 'json', 'test/fixtures']);
    assert.strictEqual(code, 1);
    const reported = new Map<string, string[]>();
    for (const file of JSON.parse(stdout) as Array<{ filePath: string; messages: Array<{ line: number; message: string }> }>) {
      reported.set(file.filePath, file.messages.map((m) => `${m.line}:${/(?:returns|answers) (\d{3})|^(\d{3})/.exec(m.message)!.slice(1).find(Boolean)}`));
    }
    let total = 0;
    for (const [relative, text] of fixtureFiles()) {
      const expected: string[] = [];
      text.split('\n').forEach((line, index) => {
        for (const [, code] of (/expect:(.*)$/.exec(line)?.[1] ?? '').matchAll(/handler:(\d{3})/g)) {
          if (!isListed(Number(code))) expected.push(`${index + 1}:${code}`);
        }
      });
      total += expected.length;
      assert.deepStrictEqual(reported.get(relative) ?? [], expected, relative);
    }
    assert.ok(total > 100, `${total} findings expected across the fixtures`);
  });

  test('exit codes as ESLint\'s: errors always fail, warnings only above --max-warnings', async () => {
    const dir = tempTree({ 'ok.ts': 'res.status(200);', 'bad.js': HANDLER, 'two.js': HANDLER.replace('409', '410') + HANDLER });
    assert.deepStrictEqual(await cli(['check', 'ok.ts'], dir), { code: 0, stdout: '', stderr: '' });
    // The CLI's default severity is error: a finding fails the run, whatever --max-warnings says.
    assert.strictEqual((await cli(['check'], dir)).code, 1);
    assert.strictEqual((await cli(['check', '--severity', 'error', '--max-warnings', '10'], dir)).code, 1);
    assert.strictEqual((await cli(['check', '--allow', '409,410'], dir)).code, 0);
    // Warnings alone pass, unless there are more than --max-warnings.
    for (const severity of ['warning', 'information', 'hint']) {
      assert.strictEqual((await cli(['check', '--severity', severity], dir)).code, 0, severity);
      assert.strictEqual((await cli(['check', '--severity', severity, '--max-warnings', '3'], dir)).code, 0, severity);
      assert.strictEqual((await cli(['check', '--severity', severity, '--max-warnings', '2'], dir)).code, 1, severity);
    }
    const over = await cli(['check', '--severity', 'warning', '--max-warnings', '0'], dir);
    assert.strictEqual(over.code, 1);
    assert.ok(over.stdout.endsWith('✖ 3 problems (0 errors, 3 warnings)\nlts-status found too many warnings (maximum: 0).\n'), over.stdout);
    const hint = await cli(['check', '--severity', 'hint', 'bad.js'], dir);
    assert.ok(hint.stdout.includes('  2:14  hint  POST /x returns 409'), hint.stdout);
    // --quiet reports errors only: warnings are neither shown nor counted.
    assert.deepStrictEqual(await cli(['check', '--quiet', '--severity', 'warning', '--max-warnings', '0'], dir), { code: 0, stdout: '', stderr: '' });
    assert.strictEqual((await cli(['check', '--quiet'], dir)).code, 1);
  });

  test('check --format json has ESLint\'s shape', async () => {
    const dir = tempTree({ 'bad.js': HANDLER });
    const { code, stdout } = await cli(['check', '--format', 'json', 'bad.js'], dir);
    assert.strictEqual(code, 1);
    assert.deepStrictEqual(JSON.parse(stdout), [{
      filePath: 'bad.js',
      messages: [{
        ruleId: 'unlisted-status', severity: 2, line: 2, column: 14, endLine: 2, endColumn: 17,
        message: 'POST /x returns 409 Conflict, not an LTS status code — use 400 Bad Request',
      }],
      errorCount: 1,
      warningCount: 0,
    }]);
  });

  test('check --format sarif is valid SARIF 2.1.0', async () => {
    const { code, stdout } = await cli(['check', '--format', 'sarif', 'test/fixtures/javascript', 'test/fixtures/typescript']);
    assert.strictEqual(code, 1);
    const log = JSON.parse(stdout) as SarifLog;
    const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    assert.ok(validate(JSON.parse(stdout)), JSON.stringify(validate.errors, null, 2));
    assert.strictEqual(log.version, '2.1.0');
    assert.ok(log.runs[0].results.length > 10);
    const first = log.runs[0].results[0];
    assert.strictEqual(first.ruleId, 'unlisted-status');
    assert.strictEqual(first.locations[0].physicalLocation.artifactLocation.uri, 'test/fixtures/javascript/express.js');
    assert.deepStrictEqual(first.locations[0].physicalLocation.region, { startLine: 13, startColumn: 14, endLine: 13, endColumn: 17 });
    // And a broken log is rejected, so the check above can fail.
    assert.ok(!validate({ ...JSON.parse(stdout), version: '2.0.0' }));
  });

  test('scan --format json: exactly the documented shape', async () => {
    const dir = tempTree({ 'a.ts': 'if (res.status === 429) {}\nfunction createLogStream(req, res) { res.status(409); }\n', 'b.log': 'x HTTP/1.1 503 y\n' });
    const { code, stdout } = await cli(['scan', '--format', 'json', 'a.ts', 'b.log'], dir);
    assert.strictEqual(code, 0);
    assert.deepStrictEqual(JSON.parse(stdout), {
      version: 1,
      files: [{
        path: 'a.ts',
        language: 'typescript',
        occurrences: [
          { line: 1, column: 20, endLine: 1, endColumn: 23, code: 429, text: '429', listed: true, context: 'mention' },
          { line: 2, column: 49, endLine: 2, endColumn: 52, code: 409, text: '409', listed: false, context: 'handler' },
        ],
        diagnostics: [{
          line: 2, column: 49, endLine: 2, endColumn: 52, code: 409, severity: 'error', handler: 'createLogStream',
          message: 'createLogStream returns 409 Conflict, not an LTS status code — use 400 Bad Request',
        }],
      }, {
        path: 'b.log',
        language: 'log',
        occurrences: [{ line: 1, column: 12, endLine: 1, endColumn: 15, code: 503, text: '503', listed: true, context: 'mention' }],
        diagnostics: [],
      }],
    });
  });

  test('scan columns count UTF-16 code units; handler is null for anonymous code', async () => {
    const dir = tempTree({ 'u.js': 'const s = "😀é"; res.sendStatus(302);\n' });
    const file = JSON.parse((await cli(['scan', 'u.js'], dir)).stdout).files[0];
    assert.strictEqual(file.occurrences[0].column, 'const s = "😀é"; res.sendStatus('.length + 1);
    assert.strictEqual(file.diagnostics[0].handler, null);
  });

  test('paths are literal; walks honour .gitignore and skip node_modules, binaries and unknown files', async () => {
    const dir = tempTree({
      'app/[id]/route.ts': 'export function GET() { return new Response(null, { status: 302 }); }',
      'app/*.ts': 'res.status(410);',
      'ignored/x.js': HANDLER,
      'node_modules/lib/index.js': HANDLER,
      'build.js': HANDLER,
      'bin.js': Buffer.from([0x72, 0x65, 0x73, 0x00, 0x34, 0x30, 0x39]),
      'notes.md': 'status=409',
      '.gitignore': 'ignored/\nbuild.js\n',
    });
    const literal = await cli(['check', 'app/[id]/route.ts'], dir);
    assert.ok(literal.stdout.startsWith('\napp/[id]/route.ts\n'), literal.stdout);
    const all = JSON.parse((await cli(['scan', '.'], dir)).stdout).files.map((f: { path: string }) => f.path);
    assert.deepStrictEqual(all, ['app/*.ts', 'app/[id]/route.ts']);
  });

  test('walks skip installed dependencies by their package manager\'s marker, not by a folder name alone', async () => {
    const GO_HANDLER = 'package x\nimport "net/http"\nfunc h(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusTeapot) }\n';
    const dir = tempTree({
      'go.mod': 'module x\n',
      'vendor/modules.txt': '# github.com/a/b v1.0.0\n',
      'vendor/github.com/a/b/b.go': GO_HANDLER,
      'web/vendor/autoload.php': '<?php\n',
      'web/vendor/lib/Http.php': "<?php\nfunction h() { return response('', 418); }\n",
      '.venv/pyvenv.cfg': 'home = /usr/bin\n',
      '.venv/lib/site.py': 'from flask import abort\ndef h():\n    abort(418)\n',
      // A project's own folders of those names, without the markers, are the project's code.
      'tools/vendor/own.go': GO_HANDLER,
      'env/app.py': 'from flask import abort\ndef h():\n    abort(418)\n',
      'main.go': GO_HANDLER,
    });
    const all = JSON.parse((await cli(['scan', '.'], dir)).stdout).files.map((f: { path: string }) => f.path);
    assert.deepStrictEqual(all, ['env/app.py', 'main.go', 'tools/vendor/own.go']);
    // Named on the command line, a dependency folder is read.
    const named = JSON.parse((await cli(['scan', 'vendor'], dir)).stdout).files.map((f: { path: string }) => f.path);
    assert.deepStrictEqual(named, ['vendor/github.com/a/b/b.go', 'vendor/modules.txt']);
  });

  test('a minified bundle is named as skipped, not parsed; its sources are checked', async () => {
    const filler = Array.from({ length: 600 }, (_, i) => `var v${i}=function(a,b){return a*${i}+b.width};`).join('');
    const dir = tempTree({
      'dist/app.min.js': `${filler}app.get("/",function(q,s){s.status(409).end()});${filler}\n`,
      'src/app.js': 'app.get("/", (req, res) => {\n  res.status(409).end();\n});\n',
    });
    const { code, stdout, stderr } = await cli(['check', '--format', 'json', '.'], dir);
    assert.strictEqual(code, 1);
    assert.deepStrictEqual((JSON.parse(stdout) as { filePath: string; messages: unknown[] }[]).map((f) => [f.filePath, f.messages.length]),
      [[path.join('src', 'app.js'), 1]]);
    assert.strictEqual(stderr, `lts-status: ${path.join('dist', 'app.min.js')}: skipped, minified (its lines average over 1,000 characters); a bundle repeats its sources\n`
      + 'lts-status: 1 file was skipped (see above); the results do not cover it\n');
  });

  test('an unreadable path is reported on stderr, the rest is still checked, exit 2', async () => {
    const dir = tempTree({ 'bad.js': HANDLER });
    const { code, stdout, stderr } = await cli(['check', 'missing.ts', 'bad.js'], dir);
    assert.strictEqual(code, 2);
    assert.strictEqual(stderr, 'lts-status: missing.ts: no such file or directory\n');
    assert.ok(stdout.includes('bad.js'), stdout);
  });

  test('usage errors exit 2 with a clear message', async () => {
    for (const args of [[], ['frobnicate'], ['check', '--format', 'xml'], ['scan', '--format', 'sarif'], ['check', '--max-warnings', 'x'],
      ['check', '--max-warnings', ''], ['check', '--max-warnings', '-1'], ['check', '--max-warnings=-1'], ['check', '--max-warnings', '1.5'],
      ['check', '--max-warnings', '1e3'], ['check', '--jobs', ''], ['check', '--jobs', '0'], ['check', '--jobs', '0x2'], ['scan', '--jobs', 'two'],
      ['check', '--allow', '4o9'], ['check', '--allow', ''], ['explain'], ['explain', '999'], ['check', '--bogus'],
      ['check', '--severity', 'info'], ['check', '--stdin'], ['check', '--stdin', '--stdin-filename', 'a.js', 'b.js'],
      ['check', '--stdin-filename', 'a.js'], ['check', '-o', ''], ['check', '--format', 'gitlab']]) {
      const { code, stderr } = await cli(args);
      assert.strictEqual(code, 2, args.join(' '));
      assert.match(stderr, /^lts-status: [^\n]+(\n[^\n]+)*\n\nUsage: lts-status/, args.join(' '));
    }
  });

  test('explain prints the table row; exit 0 listed, 1 not listed', async () => {
    assert.deepStrictEqual(await cli(['explain', '429']), {
      code: 0, stderr: '',
      stdout: '429 Too Many Requests — LTS status code · Client error (4xx). The number of requests exceeds the upper limit.\n',
    });
    assert.strictEqual((await cli(['explain', 'LTS.0205'])).code, 0);
    assert.ok((await cli(['explain', 'lts.0205'])).stdout.includes('comes with 400 Bad Request'));
    assert.strictEqual((await cli(['explain', 'LTS.0106'])).code, 1);
    const unlisted = await cli(['explain', '409']);
    assert.strictEqual(unlisted.code, 1);
    assert.ok(unlisted.stdout.includes('Nearest listed: 400 Bad Request'));
  });

  test('help and version', async () => {
    assert.ok((await cli(['--help'])).stdout.startsWith('Usage: lts-status'));
    assert.strictEqual((await cli(['--version'])).stdout, `${JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version}\n`);
  });

  test('usage errors print control characters escaped', async () => {
    const { code, stderr } = await cli(['check', '--format', 'x\x1b[2Jy']);
    assert.strictEqual(code, 2);
    assert.ok(stderr.startsWith('lts-status: check: unknown format "x\\x1b[2Jy"'), stderr);
  });

  test('--jobs is capped by the cores and the free memory', () => {
    const gib = 1024 ** 3;
    assert.strictEqual(jobLimit(64, 2, 16 * gib), 2);
    assert.strictEqual(jobLimit(undefined, 32, 16 * gib), 8);
    assert.strictEqual(jobLimit(undefined, 4, 16 * gib), 4);
    assert.strictEqual(jobLimit(6, 8, gib), 4);
    assert.strictEqual(jobLimit(6, 8, 0), 1);
    assert.strictEqual(jobLimit(3, 8, 16 * gib), 3);
  });

  test('printable escapes control and bidirectional characters, nothing else', () => {
    assert.strictEqual(printable('a\x1b[31mb\x07c\x7f\x9b\u202e\u2066d\te\nf'), 'a\\x1b[31mb\\x07c\\x7f\\x9b\\u202e\\u2066d\\x09e\\x0af');
    assert.strictEqual(printable('src/[id]/Ünïcode 😀 ✖.ts'), 'src/[id]/Ünïcode 😀 ✖.ts');
  });

  test('a log read in blocks of any size gives exactly the occurrences of the whole text', async function () {
    // Thousands of tiny-block reads of every log fixture; generous for a busy machine.
    this.timeout(60_000);
    const long = `${'x'.repeat(MAX_TEXT_LINE_LENGTH + 5)} HTTP/1.1 503`;
    const texts = [
      'GET / HTTP/1.1 503\r\nPOST /a HTTP/1.1 404\rx status=429\n\n\r\nGET /é HTTP/1.1 201 😀 status: 500\r',
      `a status=404\n${long}\nb status=409\r${long}\r\nc status=500\r${long}`,
      `${long}\r\n${long}\r${long}\nstatus=429 Too Many Requests\nnot found here\n`,
      'status: 404\r\n'.repeat(50) + 'Not Found\r\n',
      '',
      'status=503',
      ...fs.readdirSync(fixture('logs')).map((name) => fs.readFileSync(fixture('logs', name), 'utf8')),
    ];
    for (const text of texts) {
      const bytes = Buffer.from(text, 'utf8');
      // A line over the limit is dropped by the stream (the scanner itself reads lines of any length).
      const expected = scanText(text.split(long).join(''));
      // Byte by byte only where lines are short (an overlong line read a byte at a time is needlessly slow).
      const sizes = text.includes(long) ? [7, 64, 4096, bytes.length + 1] : [1, 2, 3, 5, 64, 4096, bytes.length + 1];
      for (const size of sizes) {
        let at = Math.min(size, bytes.length);
        const next = () => {
          const part = bytes.subarray(at, at + size);
          at += part.length;
          return part;
        };
        const got: Occurrence[] = [];
        const report = await scanStream(bytes.subarray(0, at), next, async (block, options) => { got.push(...scanText(block, options)); }, MAX_TEXT_LINE_LENGTH);
        assert.strictEqual(report.overlongCount, text.split(long).length - 1, 'every overlong line is reported');
        assert.deepStrictEqual(got, expected, `${JSON.stringify(text.slice(0, 40))} in blocks of ${size}`);
      }
    }
  });

  test('line blocks never hold an overlong line, whatever its length', () => {
    const blocks = new LineBlocks(MAX_TEXT_LINE_LENGTH);
    const chunk = 'y'.repeat(64 * 1024);
    for (let i = 0; i < 64; i++) assert.strictEqual(blocks.push(chunk).text, '');
    // The 4 MB line counts as one (empty) line; the next line keeps its number.
    assert.deepStrictEqual(blocks.push('\r\nstatus=404\n'), { text: '\r\nstatus=404\n', firstLine: 0 });
    assert.deepStrictEqual(blocks.end('tail'), { text: 'tail', firstLine: 2 });
    assert.deepStrictEqual(blocks.overlongLines, [0]);
    // Whole overlong lines within one read are recorded too, by their numbers.
    const whole = new LineBlocks(10);
    assert.deepStrictEqual(whole.push('short\nxxxxxxxxxxxxxxx\r\nok\nyyyyyyyyyyyy\n'), { text: 'short\n\r\nok\n\n', firstLine: 0 });
    assert.deepStrictEqual([whole.overlongLines, whole.overlongCount], [[1, 3], 2]);
  });

  test('worker threads give the same output as one thread', async function () {
    // Three full scans of the fixtures, two of them starting worker threads; generous for a busy machine.
    this.timeout(120_000);
    const grammarDir = path.join(repoRoot, 'dist', 'grammars');
    const workerScript = path.join(repoRoot, 'dist', 'cli-worker.js');
    assert.ok(fs.existsSync(workerScript), 'dist/cli-worker.js is built (npm run build)');
    const capture = async (jobs: string) => {
      let stdout = '';
      const code = await run(['scan', '--jobs', jobs, 'test/fixtures'], {
        cwd: repoRoot, stdout: (t) => { stdout += asText(t); }, stderr: () => undefined, grammars: nodeGrammars, grammarDir, workerScript,
      });
      return { code, stdout };
    };
    const one = await capture('1');
    const two = await capture('2');
    assert.strictEqual(one.code, 0);
    assert.ok(JSON.parse(one.stdout).files.length > 40);
    assert.strictEqual(two.stdout, one.stdout);
    assert.strictEqual((await cli(['check', '--jobs', '0'])).code, 2);
  });

  test('the bundled dist/cli.js runs on its own', () => {
    const cliJs = path.join(repoRoot, 'dist', 'cli.js');
    assert.ok(fs.existsSync(cliJs), 'dist/cli.js is built (npm run build)');
    const result = spawnSync(process.execPath, [cliJs, 'check', fixture('typescript', 'component.tsx')], { encoding: 'utf8' });
    assert.strictEqual(result.status, 1, result.stderr);
    assert.ok(result.stdout.includes('Banner returns 451'), result.stdout);
  });
});
