import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { FlowIndex, FlowSummary, languageForPath } from '../../src/core';
import { pruneFlow } from '../../src/core/code/flow';
import { ENGINE_TEST_TIMEOUT_MS, fixture, sharedEngine } from './helpers';

const at = (line: number, character = 0) => ({ start: { line, character }, end: { line, character: character + 3 } });

function summary(parts: Partial<FlowSummary>): FlowSummary {
  return { family: 'x', edges: [], sinks: [], values: [], refs: [], constants: [], classes: [], ...parts };
}

suite('flow index', () => {
  test('a value reaches a sink in another file through a parameter, and is reported where it is written', () => {
    const index = new FlowIndex();
    index.set('helpers', summary({ edges: [['P:fail#1', '.l:fail#0:code'], ['.l:fail#0:code', '.S0']], sinks: [{ key: '.S0', range: at(2), fn: 'fail' }] }));
    index.set('routes', summary({ values: [{ range: at(7), code: 409, text: '409', to: 'P:fail#1', fn: 'create', callee: 'fail' }] }));
    const found = index.occurrences('routes');
    assert.deepStrictEqual(found.map((o) => [o.code, o.handler, o.via, o.sentAt.file, o.sentAt.range.start.line]), [[409, 'create', 'fail', 'helpers', 2]]);
    assert.deepStrictEqual(index.occurrences('helpers'), []);
  });

  test('removing the file that sends makes the value silent again', () => {
    const index = new FlowIndex();
    index.set('helpers', summary({ edges: [['P:fail#0', '.S0']], sinks: [{ key: '.S0', range: at(2), fn: 'fail' }] }));
    index.set('routes', summary({ values: [{ range: at(7), code: 409, text: '409', to: 'P:fail#0', fn: 'create', callee: 'fail' }] }));
    assert.strictEqual(index.occurrences('routes').length, 1);
    const version = index.version;
    assert.ok(index.delete('helpers'));
    assert.ok(index.version > version);
    assert.deepStrictEqual(index.occurrences('routes'), []);
  });

  test('keys of different language families never meet', () => {
    const index = new FlowIndex();
    index.set('a.py', summary({ family: 'python', edges: [['P:fail#0', '.S0']], sinks: [{ key: '.S0', range: at(1), fn: 'fail' }] }));
    index.set('b.js', summary({ family: 'javascript', values: [{ range: at(3), code: 409, text: '409', to: 'P:fail#0', fn: 'f', callee: 'fail' }] }));
    assert.deepStrictEqual(index.occurrences('b.js'), []);
  });

  test('file-local keys of two files never meet', () => {
    const index = new FlowIndex();
    index.set('a', summary({ edges: [['.l:f#0:status', '.S0']], sinks: [{ key: '.S0', range: at(1), fn: 'f' }] }));
    index.set('b', summary({ values: [{ range: at(3), code: 409, text: '409', to: '.l:f#0:status', fn: 'f' }] }));
    assert.deepStrictEqual(index.occurrences('b'), []);
    assert.strictEqual(index.occurrences('a').length, 0);
  });

  test('cycles terminate, and a chain longer than the depth limit stays silent', () => {
    const index = new FlowIndex();
    const edges: Array<[string, string]> = [['G:a', 'G:b'], ['G:b', 'G:a'], ['G:a', '.S0']];
    for (let i = 0; i < 40; i++) edges.push([`G:c${i + 1}`, `G:c${i}`]);
    edges.push(['G:c0', '.S0']);
    index.set('f', summary({
      edges, sinks: [{ key: '.S0', range: at(0), fn: 'h' }],
      values: [
        { range: at(1), code: 409, text: '409', to: 'G:b', fn: null },
        { range: at(2), code: 410, text: '410', to: 'G:c40', fn: null },
      ],
    }));
    assert.deepStrictEqual(index.occurrences('f').map((o) => o.code), [409]);
  });

  test('a constant defined with two different values is not resolved', () => {
    const index = new FlowIndex();
    index.set('a', summary({ constants: [['G:CONFLICT', 409]] }));
    index.set('b', summary({ constants: [['G:CONFLICT', 410]] }));
    index.set('c', summary({
      edges: [], sinks: [{ key: '.S0', range: at(0), fn: 'h' }],
      refs: [{ range: at(0), text: 'CONFLICT', names: ['G:CONFLICT'], to: '.S0', fn: 'h' }],
    }));
    assert.deepStrictEqual(index.occurrences('c'), []);
    index.delete('b');
    assert.deepStrictEqual(index.occurrences('c').map((o) => [o.code, o.symbol]), [[409, 'CONFLICT']]);
  });

  test('a field written in an error class (by its base, in another file) reaches a sink reading err.<field>', () => {
    const index = new FlowIndex();
    index.set('base', summary({ classes: [{ name: 'ApiError', bases: ['Error'] }] }));
    index.set('gone', summary({ classes: [{ name: 'Gone', bases: ['ApiError'] }], values: [{ range: at(1), code: 410, text: '410', to: 'F:Gone:status', fn: null }] }));
    index.set('plain', summary({ classes: [{ name: 'Timer', bases: [] }], values: [{ range: at(1), code: 300, text: '300', to: 'F:Timer:status', fn: null }] }));
    index.set('app', summary({ edges: [['F:status', '.S0']], sinks: [{ key: '.S0', range: at(5), fn: 'errorHandler' }] }));
    assert.deepStrictEqual(index.occurrences('gone').map((o) => [o.code, o.handler]), [[410, 'errorHandler']]);
    assert.deepStrictEqual(index.occurrences('plain'), []);
  });

  test('setting an equal summary does not count as a change', () => {
    const index = new FlowIndex();
    const s = summary({ constants: [['G:A', 409]] });
    assert.ok(index.set('a', s));
    assert.ok(!index.set('a', summary({ constants: [['G:A', 409]] })));
    assert.ok(!index.set('none', undefined));
  });
});

suite('flow: the engine and the index agree', function () {
  this.timeout(ENGINE_TEST_TIMEOUT_MS);
  const js = languageForPath('x.js')!;

  test('what one file yields alone equals what the index yields for it alone', async () => {
    const text = 'function fail(res, code) { res.status(code); }\nfunction h(req, res) { fail(res, 409); let s = 302; res.status(s); }\n';
    const analysis = await sharedEngine().analyze(text, js);
    const index = new FlowIndex();
    index.set('f.js', analysis.flow);
    const fromIndex = index.occurrences('f.js').map((o) => [o.range.start.line, o.range.start.character, o.code, o.handler, o.via ?? '']);
    const fromEngine = analysis.occurrences.filter((o) => o.sentAt).map((o) => [o.range.start.line, o.range.start.character, o.code, o.handler, o.via ?? '']);
    assert.deepStrictEqual(fromEngine, fromIndex);
    assert.deepStrictEqual(fromEngine.map((o) => o[2]), [409, 302]);
  });

  test('a function that returns its argument passes on only the arguments of the calls whose result is sent', async () => {
    // The shape found in a real Go tree: max(a, b) in one package, its result sent in another file, and an unrelated
    // max(len, 512) (a buffer size) in a third file; the 512 is not a status.
    const files: Array<[string, string]> = [
      ['util.js', 'function max(a, b) { return a > b ? a : b; }\nmodule.exports = { max };\n'],
      ['routes.js', "const { max } = require('./util');\napp.post('/x', (req, res) => {\n  const status = max(req.code, 409);\n  res.status(status).end();\n});\n"],
      ['buffers.js', "const { max } = require('./util');\nfunction size(parts) {\n  return Buffer.alloc(max(parts.length, 512));\n}\n"],
    ];
    const index = new FlowIndex();
    for (const [file, text] of files) index.set(file, (await sharedEngine().analyze(text, js, { ungated: true })).flow);
    assert.deepStrictEqual(index.occurrences('routes.js').map((o) => [o.range.start.line, o.code]), [[2, 409]]);
    assert.deepStrictEqual(index.occurrences('buffers.js'), []);
  });

  test('a field keeps no call context: what any constructor stores there is sent by whoever reads it', () => {
    const index = new FlowIndex();
    // ApiError(status) stores this.status; a handler elsewhere sends err.getStatus(): the 409 of a third file is sent.
    index.set('ApiError', summary({ edges: [['P:ApiError#0', '.l:ApiError#0:status'], ['.l:ApiError#0:status', 'F:status'], ['F:status', '.r'], ['.r', 'R:getStatus']] }));
    index.set('Handler', summary({ edges: [['R:getStatus', '.S0']], sinks: [{ key: '.S0', range: at(4), fn: 'handle' }] }));
    index.set('Conflict', summary({ values: [{ range: at(2), code: 409, text: '409', to: 'P:ApiError#0', fn: 'Conflict', callee: 'ApiError' }] }));
    assert.deepStrictEqual(index.occurrences('Conflict').map((o) => [o.code, o.sentAt.file]), [[409, 'Handler']]);
  });

  test('Go: a call on an imported package reaches only the functions of that package', async () => {
    const go = languageForPath('x.go')!;
    const apperr = 'package apperr\n\nfunc New(code int, msg string) { w.WriteHeader(code) }\n';
    const pagination = 'package pagination\n\nfunc New(limit int) Page { return Page{limit} }\n';
    const handler = 'package api\n\nimport (\n\t"example.com/app/apperr"\n\t"example.com/app/pagination"\n)\n\n'
      + 'func create(c *gin.Context) {\n\tpagination.New(200)\n\tapperr.New(409, "exists")\n}\n';
    const index = new FlowIndex();
    for (const [file, text] of [['apperr/errors.go', apperr], ['pagination/page.go', pagination], ['api/create.go', handler]]) {
      index.set(file, (await sharedEngine().analyze(text, go)).flow);
    }
    assert.deepStrictEqual(index.occurrences('api/create.go').map((o) => [o.range.start.line, o.code, o.handler, o.via]), [[9, 409, 'create', 'apperr.New']]);
  });

  test('a value written in a region that answers no request (a test) is never sent, wherever it flows', async () => {
    const go = languageForPath('x.go')!;
    const text = 'package api\n\nimport "testing"\n\nfunc fail(w http.ResponseWriter, code int) { w.WriteHeader(code) }\n\n'
      + 'func TestFail(t *testing.T) { fail(w, 409) }\n\nfunc handler(w http.ResponseWriter, r *http.Request) { fail(w, 418) }\n';
    const { occurrences } = await sharedEngine().analyze(text, go);
    assert.deepStrictEqual(occurrences.filter((o) => o.context === 'handler').map((o) => [o.code, o.handler]), [[418, 'handler']]);
  });

  test('Rust: Self is the type of the impl around it; conversions pass a value on', async () => {
    const rust = languageForPath('x.rs')!;
    const text = 'struct ApiError { status: StatusCode }\nimpl ApiError {\n    fn teapot() -> Self { Self { status: StatusCode::from_u16(418).unwrap() } }\n}\n'
      + 'impl IntoResponse for ApiError {\n    fn into_response(self) -> Response { (self.status, "x").into_response() }\n}\n';
    const { occurrences } = await sharedEngine().analyze(text, rust);
    assert.deepStrictEqual(occurrences.filter((o) => o.context === 'handler').map((o) => [o.range.start.line, o.code, o.handler, o.via]), [[2, 418, 'into_response', 'teapot']]);
  });
});

suite('flow: Java, C#, PHP data', function () {
  this.timeout(ENGINE_TEST_TIMEOUT_MS);

  async function across(files: Record<string, string>): Promise<Array<[string, number, number, string]>> {
    const index = new FlowIndex();
    for (const [name, text] of Object.entries(files)) index.set(name, (await sharedEngine().analyze(text, languageForPath(name)!)).flow);
    return Object.keys(files).flatMap((name) => index.occurrences(name).map((o): [string, number, number, string] =>
      [name, o.range.start.line, o.code, `${o.handler}${o.via ? `~${o.via}` : ''}`]));
  }

  test('a private method is reached only from its own file; a public one from others', async () => {
    const helper = 'class Helpers {\n  private ResponseEntity<?> fail(int status) { return ResponseEntity.status(status).build(); }\n'
      + '  public ResponseEntity<?> gone(int status) { return ResponseEntity.status(status).build(); }\n}\n';
    const caller = 'class Api extends Helpers {\n  ResponseEntity<?> a() { return fail(409); }\n  ResponseEntity<?> b() { return gone(410); }\n}\n';
    assert.deepStrictEqual(await across({ 'Helpers.java': helper, 'Api.java': caller }), [['Api.java', 2, 410, 'b~gone']]);
  });

  test('a static import reads a constant of another file by its bare name', async () => {
    const codes = 'package app;\npublic final class Codes {\n  public static final int LOCKED = 423;\n}\n';
    const api = 'import static app.Codes.LOCKED;\nclass Api {\n  ResponseEntity<?> a() { return ResponseEntity.status(LOCKED).build(); }\n}\n';
    assert.deepStrictEqual(await across({ 'Codes.java': codes, 'Api.java': api }), [['Api.java', 2, 423, 'a']]);
  });

  test('a PHP exception without a constructor keeps the code of its base (getCode())', async () => {
    const error = '<?php\nclass QuotaException extends \\RuntimeException {}\n';
    const api = '<?php\nclass Api {\n  function a() { throw new QuotaException("quota", 429); }\n'
      + '  function render($e) { return response()->json([], $e->getCode()); }\n}\n';
    assert.deepStrictEqual(await across({ 'QuotaException.php': error, 'Api.php': api }), [['Api.php', 2, 429, 'a~QuotaException']]);
  });

  test('a C# property set in a constructor is the field a middleware reads from the exception', async () => {
    const error = 'public class AppException : Exception {\n  public int Status { get; }\n  public AppException(int status) { Status = status; }\n}\n';
    const api = 'class Api {\n  void A() { throw new AppException(418); }\n'
      + '  async Task InvokeAsync(HttpContext context) { try { } catch (AppException ex) { context.Response.StatusCode = ex.Status; } }\n}\n';
    assert.deepStrictEqual(await across({ 'AppException.cs': error, 'Api.cs': api }), [['Api.cs', 1, 418, 'A~AppException']]);
  });
});

suite('flow: summaries keep only what can be sent', function () {
  this.timeout(ENGINE_TEST_TIMEOUT_MS);

  /** Every code file of every multi-file fixture project, as [project/path, summary]. */
  async function projectSummaries(): Promise<Array<[string, FlowSummary]>> {
    const root = fixture('projects');
    const walk = (dir: string, prefix: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]);
    const out: Array<[string, FlowSummary]> = [];
    for (const file of walk(root, '')) {
      const spec = languageForPath(file);
      if (!spec) continue;
      const { flow } = await sharedEngine().analyze(fs.readFileSync(path.join(root, file), 'utf8'), spec);
      if (flow) out.push([file, flow]);
    }
    return out;
  }

  test('the engine hands on pruned summaries; dead ends added to them change no result and are pruned away', async () => {
    const summaries = await projectSummaries();
    assert.ok(summaries.length > 20 && summaries.some(([, flow]) => flow.edges.length > 0), 'the fixture projects have flow');
    // Dead ends: an edge from every key into a fresh local, chains of locals, values and names flowing into them.
    let n = 0;
    const bloat = (flow: FlowSummary): FlowSummary => {
      const keys = [...new Set([...flow.edges.flat(), ...flow.sinks.map((s) => s.key), ...flow.values.map((v) => v.to)])];
      const edges = [...flow.edges];
      for (const key of keys) {
        const dead = `.l:dead${n++}`;
        edges.push([key, dead], [dead, `.l:dead${n++}`]);
      }
      const values = [...flow.values, ...flow.values.map((v) => ({ ...v, to: `.l:dead${n++}` }))];
      const refs = [...flow.refs, ...flow.refs.map((r) => ({ ...r, to: `.l:dead${n++}` }))];
      return { ...flow, edges, values, refs };
    };
    const plain = new FlowIndex();
    const bloated = new FlowIndex();
    for (const [file, flow] of summaries) {
      assert.strictEqual(pruneFlow(flow), flow, `${file}: already pruned`);
      const big = bloat(flow);
      assert.deepStrictEqual(pruneFlow(big), flow, `${file}: the dead ends go, nothing else`);
      plain.set(file, flow);
      bloated.set(file, big);
    }
    const found = (index: FlowIndex) => summaries.map(([file]) => [file, index.occurrences(file).map((o) => [o.range.start.line, o.code, o.sentAt?.file])]);
    assert.deepStrictEqual(found(bloated), found(plain));
    assert.ok(summaries.some(([file]) => plain.occurrences(file).length > 0), 'some values are sent');
  });
});
