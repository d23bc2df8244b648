/** The CLI in a pipeline: .lts-status.json, annotations for GitHub, output files, stdin, colours, SARIF details. */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { githubData, githubProperty, sarifLocation, useColor } from '../../src/cli/output';
import { CliIo, run } from '../../src/cli/run';
import { asText, ENGINE_TEST_TIMEOUT_MS, nodeGrammars, repoRoot, tempTree } from './helpers';

interface Result { code: number; stdout: string; stderr: string }

async function cli(args: string[], cwd: string, extra: Partial<CliIo> = {}): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { cwd, stdout: (t) => { stdout += asText(t); }, stderr: (t) => { stderr += t; }, grammars: nodeGrammars, ...extra });
  return { code, stdout, stderr };
}

const HANDLER = 'app.post("/x", (req, res) => {\n  res.status(409).end();\n});\n';
const CREATE = 'function createLogStream(req, res) {\n  res.status(409);\n}\n';

function sarifValidator() {
  const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  /** The schema's complaints about `log`, or '' when it is valid. */
  return (log: unknown): string => (validate(log) ? '' : JSON.stringify(validate.errors, null, 2) || 'invalid');
}

interface SarifRun {
  results: Array<{ level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }> }>;
  invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications?: Array<{ message: { text: string } }> }>;
  originalUriBaseIds: Record<string, { uri: string }>;
  tool: { driver: { rules: Array<{ helpUri: string; defaultConfiguration: { level: string } }> } };
}

suite('cli in CI', function () {
  // Loads tree-sitter grammars in this thread (see ENGINE_TEST_TIMEOUT_MS).
  this.timeout(ENGINE_TEST_TIMEOUT_MS);

  test('.lts-status.json: allowedCodes, severity and ignore of the nearest file; flags on top', async () => {
    const dir = tempTree({ 'app.js': HANDLER, 'svc/app.js': HANDLER, 'gen/out.js': HANDLER });
    assert.strictEqual((await cli(['check'], dir)).code, 1);
    fs.writeFileSync(path.join(dir, '.lts-status.json'), '{"allowedCodes":[409]}');
    assert.deepStrictEqual(await cli(['check'], dir), { code: 0, stdout: '', stderr: '' });
    fs.writeFileSync(path.join(dir, '.lts-status.json'), '{"severity":"warning","ignore":["gen/"]}');
    const warned = await cli(['check', '--format', 'json'], dir);
    assert.strictEqual(warned.code, 0);
    assert.deepStrictEqual(JSON.parse(warned.stdout).map((f: { filePath: string; warningCount: number }) => [f.filePath, f.warningCount]),
      [['app.js', 1], ['svc/app.js', 1]]);
    assert.strictEqual((await cli(['check', '--max-warnings', '0'], dir)).code, 1);
    // --severity beats the file; --allow adds to it.
    assert.strictEqual((await cli(['check', '--severity', 'error'], dir)).code, 1);
    assert.strictEqual((await cli(['check', '--allow', '409', '--severity', 'error'], dir)).code, 0);
    // The nearest file wins: svc/ has its own, which does not inherit the parent's severity.
    fs.writeFileSync(path.join(dir, 'svc', '.lts-status.json'), '{"allowedCodes":[451]}');
    const nearest = await cli(['check', '--format', 'json'], dir);
    assert.strictEqual(nearest.code, 1);
    assert.deepStrictEqual(JSON.parse(nearest.stdout).map((f: { filePath: string; errorCount: number }) => [f.filePath, f.errorCount]),
      [['app.js', 0], ['svc/app.js', 1]]);
    // The config's ignore applies to a file named on the command line too.
    assert.deepStrictEqual(await cli(['check', 'gen/out.js'], dir), { code: 0, stdout: '', stderr: '' });
  });

  test('a malformed .lts-status.json is reported on stderr with exit 2, and nothing is checked', async () => {
    const dir = tempTree({ 'a/app.js': HANDLER, 'a/.lts-status.json': '{"severity": "fatal"}' });
    const result = await cli(['check', '--format', 'json'], dir);
    assert.strictEqual(result.code, 2);
    assert.strictEqual(result.stdout, '');
    assert.strictEqual(result.stderr,
      `lts-status: ${path.join(dir, 'a', '.lts-status.json')}: "severity" must be one of "error", "warning", "information", "hint", not "fatal"\n`);
  });

  test('--format github prints workflow commands with GitHub\'s escaping', async () => {
    const dir = tempTree({ 'app.js': CREATE, 'a:b,c.js': CREATE, '.lts-status.json': '{}' });
    const { code, stdout } = await cli(['check', '--format', 'github', 'app.js', 'a:b,c.js'], dir);
    assert.strictEqual(code, 1);
    assert.strictEqual(stdout,
      '::error file=app.js,line=2,col=14,endLine=2,endColumn=17,title=LTS unlisted-status::createLogStream returns 409 Conflict, not an LTS status code — use 400 Bad Request\n'
      + '::error file=a%3Ab%2Cc.js,line=2,col=14,endLine=2,endColumn=17,title=LTS unlisted-status::createLogStream returns 409 Conflict, not an LTS status code — use 400 Bad Request\n');
    const warn = await cli(['check', '--format', 'github', '--severity', 'warning', 'app.js'], dir);
    assert.ok(warn.stdout.startsWith('::warning file=app.js,'), warn.stdout);
    assert.strictEqual(warn.code, 0);
    assert.ok((await cli(['check', '--format', 'github', '--severity', 'hint', 'app.js'], dir)).stdout.startsWith('::notice '));
    assert.strictEqual(githubData('100% a\r\nb:c,d'), '100%25 a%0D%0Ab:c,d');
    assert.strictEqual(githubProperty('100% a\r\nb:c,d'), '100%25 a%0D%0Ab%3Ac%2Cd');
  });

  test('-o writes the report to a file (folders created); stdout stays empty; a path that cannot be written is exit 2', async () => {
    const dir = tempTree({ 'app.js': CREATE });
    const result = await cli(['check', '--format', 'json', '-o', 'reports/lts.json'], dir, { color: true });
    assert.deepStrictEqual([result.code, result.stdout, result.stderr], [1, '', '']);
    assert.strictEqual(JSON.parse(fs.readFileSync(path.join(dir, 'reports', 'lts.json'), 'utf8'))[0].errorCount, 1);
    // Stylish into a file: no colours even when the terminal has them; the maximum note goes to the file too.
    await cli(['check', '--severity', 'warning', '--max-warnings', '0', '--output-file', 'out.txt'], dir, { color: true });
    const text = fs.readFileSync(path.join(dir, 'out.txt'), 'utf8');
    assert.ok(!text.includes('\x1b['), text);
    assert.ok(text.endsWith('too many warnings (maximum: 0).\n'), text);
    fs.writeFileSync(path.join(dir, 'blocker'), '');
    const failed = await cli(['check', '-o', 'blocker/out.txt'], dir);
    assert.strictEqual(failed.code, 2);
    assert.match(failed.stderr, /^lts-status: cannot write blocker\/out\.txt: /);
  });

  test('--stdin --stdin-filename: the name decides the language and the configuration', async () => {
    const dir = tempTree({ 'sub/.lts-status.json': '{"allowedCodes":[409]}', 'lib/.lts-status.json': '{"ignore":["*.js"]}' });
    const stdin = async () => new TextEncoder().encode(CREATE);
    const found = await cli(['check', '--stdin', '--stdin-filename', 'app.js', '--format', 'json'], dir, { stdin });
    assert.strictEqual(found.code, 1, found.stderr);
    const file = JSON.parse(found.stdout)[0];
    assert.strictEqual(file.filePath, 'app.js');
    assert.strictEqual(file.messages[0].message, 'createLogStream returns 409 Conflict, not an LTS status code — use 400 Bad Request');
    // The file need not exist; its folder's .lts-status.json applies.
    assert.deepStrictEqual(await cli(['check', '--stdin', '--stdin-filename', 'sub/new.js'], dir, { stdin }), { code: 0, stdout: '', stderr: '' });
    assert.deepStrictEqual(await cli(['check', '--stdin', '--stdin-filename', 'lib/x.js'], dir, { stdin }), { code: 0, stdout: '', stderr: '' });
    assert.strictEqual((await cli(['check', '--stdin', '--stdin-filename', 'x.js', '--ignore-pattern', 'x.js'], dir, { stdin })).code, 0);
    // A name without a code language reads the text as a log (scan), and as Python with a .py name.
    const log = await cli(['scan', '--stdin', '--stdin-filename', 'access.log'], dir, { stdin: async () => new TextEncoder().encode('GET / HTTP/1.1 503 12\n') });
    assert.deepStrictEqual(JSON.parse(log.stdout).files.map((f: { language: string; occurrences: unknown[] }) => [f.language, f.occurrences.length]), [['log', 1]]);
    const py = await cli(['scan', '--stdin', '--stdin-filename', 'x.py'], dir, { stdin });
    assert.strictEqual(JSON.parse(py.stdout).files[0].language, 'python');
    const broken = await cli(['check', '--stdin', '--stdin-filename', 'a.js'], dir, { stdin: async () => { throw new Error('EIO'); } });
    assert.deepStrictEqual([broken.code, broken.stderr], [2, 'lts-status: cannot read stdin: EIO\n']);
  });

  test('stylish colours on request only; NO_COLOR and FORCE_COLOR are honoured', async () => {
    const dir = tempTree({ 'app.js': CREATE });
    const colored = await cli(['check', 'app.js'], dir, { color: true });
    assert.ok(colored.stdout.includes('\x1b[31merror\x1b[39m'), JSON.stringify(colored.stdout));
    assert.ok(colored.stdout.includes('\x1b[4mapp.js\x1b[24m'), JSON.stringify(colored.stdout));
    // Only the stylish format is coloured.
    assert.ok(!(await cli(['check', '--format', 'json', 'app.js'], dir, { color: true })).stdout.includes('\x1b['));
    assert.strictEqual(useColor({}, true), true);
    assert.strictEqual(useColor({}, false), false);
    assert.strictEqual(useColor({ NO_COLOR: '1' }, true), false);
    assert.strictEqual(useColor({ NO_COLOR: '' }, true), true);
    assert.strictEqual(useColor({ FORCE_COLOR: '1' }, false), true);
    assert.strictEqual(useColor({ FORCE_COLOR: '' }, false), true);
    assert.strictEqual(useColor({ FORCE_COLOR: '0' }, true), false);
    assert.strictEqual(useColor({ FORCE_COLOR: '1', NO_COLOR: '1' }, false), true);
  });

  test('SARIF: URIs encoded per segment, absolute paths as file:// URIs, the invocation, the rule\'s help link', async () => {
    const dir = tempTree({ 'a#b c.js': CREATE, 'sub/100%.js': CREATE, 'x.ts': 'res.status(200);' });
    const absolute = path.join(dir, 'sub', '100%.js');
    const { code, stdout } = await cli(['check', '--format', 'sarif', 'a#b c.js', absolute, 'x.ts'], dir);
    assert.strictEqual(code, 1);
    const problems = sarifValidator();
    const log = JSON.parse(stdout) as { runs: SarifRun[] };
    assert.strictEqual(problems(log), '');
    const sarif = log.runs[0];
    const locations = sarif.results.map((result) => result.locations[0].physicalLocation.artifactLocation);
    assert.deepStrictEqual(locations[0], { uri: 'a%23b%20c.js', uriBaseId: '%SRCROOT%' });
    assert.strictEqual(locations[1].uriBaseId, undefined);
    assert.strictEqual(locations[1].uri, `${new URL(`file://${dir.split(path.sep).join('/')}/`).href}sub/100%25.js`);
    assert.ok(sarif.originalUriBaseIds['%SRCROOT%'].uri.startsWith('file:///') && sarif.originalUriBaseIds['%SRCROOT%'].uri.endsWith('/'));
    assert.deepStrictEqual(sarif.invocations, [{ executionSuccessful: true }]);
    assert.strictEqual(sarif.tool.driver.rules[0].helpUri, 'https://docs.otc.t-systems.com/log-tank-service/api-ref/appendix/status_codes.html');
    assert.deepStrictEqual(sarif.results.map((result) => result.level), ['error', 'error']);
    // A run that could not read a path says so; warnings and hints get SARIF's levels.
    const failed = await cli(['check', '--format', 'sarif', '--severity', 'hint', 'missing.js', 'a#b c.js'], dir);
    assert.strictEqual(failed.code, 2);
    const failedLog = JSON.parse(failed.stdout) as { runs: SarifRun[] };
    assert.strictEqual(problems(failedLog), '');
    assert.strictEqual(failedLog.runs[0].invocations[0].executionSuccessful, false);
    assert.deepStrictEqual(failedLog.runs[0].results.map((result) => result.level), ['note']);
    assert.strictEqual(failedLog.runs[0].tool.driver.rules[0].defaultConfiguration.level, 'note');
    // A skipped file is a notification of a successful run.
    const withBinary = tempTree({ 'bin.js': Buffer.from([0x72, 0, 0x34]) });
    const skipped = JSON.parse((await cli(['check', '--format', 'sarif', 'bin.js'], withBinary)).stdout).runs[0] as SarifRun;
    assert.deepStrictEqual(skipped.invocations[0].toolExecutionNotifications?.map((n) => n.message.text), ['bin.js: skipped, binary file']);
    assert.notStrictEqual(problems({ ...log, runs: [{ ...log.runs[0], invocations: [{}] }] }), '', 'the schema checks invocations');
  });

  test('sarifLocation: relative paths against %SRCROOT%, everything else as file:// URIs', () => {
    const cwd = path.resolve('/work/repo');
    assert.deepStrictEqual(sarifLocation('a#b c.js', cwd), { uri: 'a%23b%20c.js', uriBaseId: '%SRCROOT%' });
    assert.deepStrictEqual(sarifLocation(path.join('src', '[id]', 'ü?.ts'), cwd), { uri: 'src/%5Bid%5D/%C3%BC%3F.ts', uriBaseId: '%SRCROOT%' });
    assert.strictEqual(sarifLocation(path.resolve('/work/repo/a.js'), cwd).uri, 'file:///work/repo/a.js');
    assert.strictEqual(sarifLocation(path.join('..', 'other', 'x.js'), cwd).uri, 'file:///work/other/x.js');
  });

  test('`node dist/cli.js scan <dir> | head -c 100` prints nothing on stderr and exits 0', function () {
    // Runs the bundled CLI over the fixtures in a shell pipeline; generous for a busy machine.
    this.timeout(60_000);
    const cliJs = path.join(repoRoot, 'dist', 'cli.js');
    assert.ok(fs.existsSync(cliJs), 'dist/cli.js is built (npm run build)');
    const script = `"${process.execPath}" "${cliJs}" scan test/fixtures 2>"$ERR" | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"`;
    const err = path.join(tempTree({}), 'stderr.txt');
    const result = spawnSync('bash', ['-c', script], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, ERR: err }, timeout: 50_000 });
    if (result.error) {
      console.log('    (skipped: bash is not available)');
      this.skip();
    }
    assert.strictEqual(result.stdout.trim(), '0');
    assert.strictEqual(fs.readFileSync(err, 'utf8'), '');
  });

  test('the CLI package (npm run package:cli) holds only what dist/cli.js needs, and runs on its own', function () {
    // Copies the grammars and runs npm pack --dry-run and the packaged CLI; generous for a busy machine.
    this.timeout(60_000);
    assert.ok(fs.existsSync(path.join(repoRoot, 'dist', 'cli.js')), 'dist/cli.js is built (npm run build)');
    const dir = path.join(tempTree({}), 'pkg');
    const assembled = spawnSync(process.execPath, ['esbuild.mjs', '--cli-package', dir], { cwd: repoRoot, encoding: 'utf8' });
    assert.strictEqual(assembled.status, 0, assembled.stderr);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    assert.deepStrictEqual(manifest.bin, { 'lts-status': 'dist/cli.js' });
    assert.strictEqual(manifest.dependencies, undefined, 'everything is bundled');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const packed = spawnSync(npm, ['pack', '--dry-run', '--json'], { cwd: dir, encoding: 'utf8' });
    if (packed.error) {
      console.log('    (npm not found: the file list is not checked)');
    } else {
      const files = (JSON.parse(packed.stdout) as Array<{ files: Array<{ path: string }> }>)[0].files.map((file) => file.path);
      assert.ok(files.includes('dist/cli.js') && files.includes('dist/cli-worker.js') && files.includes('dist/grammars/tree-sitter.wasm'), files.join(' '));
      assert.ok(files.includes('dist/queries/javascript/status.scm'), files.join(' '));
      assert.ok(files.every((file) => /^(dist\/|LICENSE$|README\.md$|package\.json$)/.test(file)), files.join(' '));
    }
    // Run from a folder outside the checkout: no node_modules to fall back on.
    // In worker threads, each file gets its own configuration.
    const work = tempTree({ 'app.js': CREATE, '.lts-status.json': '{"severity":"warning"}', 'ok/app.js': CREATE, 'ok/.lts-status.json': '{"allowedCodes":[409]}' });
    const result = spawnSync(process.execPath, [path.join(dir, 'dist', 'cli.js'), 'check', '--format', 'github'], { cwd: work, encoding: 'utf8' });
    assert.strictEqual(result.stderr, '');
    assert.strictEqual(result.status, 0);
    assert.strictEqual(result.stdout.split('\n').filter(Boolean).length, 1, result.stdout);
    assert.ok(result.stdout.startsWith('::warning file=app.js,line=2,'), result.stdout);
  });
});
