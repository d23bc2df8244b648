/**
 * `lts-status check` parses less than `scan`: files without evidence of a status sink wait until the status-flow index
 * asks for a name they mention, and a findings-only status query is compiled. None of it may change a result: these
 * tests compare it with parsing everything, on every fixture, the fixture projects, generated trees and trees built
 * to need several rounds of the index.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Language, Query } from '@vscode/tree-sitter-wasm';
import { run } from '../../src/cli/run';
import { analyzeDocument, CodeEngine, FlowIndex, LANGUAGES, LanguageSpec, readerForPath } from '../../src/core';
import { queryParts } from '../../src/core/languages/spec';
import { findingsQuery, hasSinkEvidence, queryPatterns, sinkEvidence, unanchored, withoutOpenPrefixes, withoutOptionalPrefix } from '../../src/core/code/evidence';
import { meetsDemand } from '../../src/core/code/flow';
import { denseTree, sourceTree } from '../bench/generate';
import { asText, ENGINE_TEST_TIMEOUT_MS, fixture, nodeGrammars, repoRoot, tempTree } from './helpers';

const queryText = (spec: LanguageSpec, key: 'statusQuery' | 'handlerQuery' | 'flowQuery'): string | undefined => {
  const source = spec[key];
  if (source === undefined) return undefined;
  return queryParts(source).map((part) => (typeof part === 'string' ? part
    : fs.readFileSync(path.join(repoRoot, 'src/core/languages', part.file), 'utf8'))).join('\n');
};

/** Every code fixture (single files and projects), by language. */
function codeFixtures(): Array<{ file: string; text: string; spec: LanguageSpec }> {
  const out: Array<{ file: string; text: string; spec: LanguageSpec }> = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const reader = readerForPath(full);
        if (reader?.kind === 'code') out.push({ file: full, text: fs.readFileSync(full, 'utf8'), spec: reader.spec });
      }
    }
  };
  walk(fixture());
  return out;
}

/** `check --format json` in this thread, or with `jobs` worker threads (dist/cli-worker.js). */
async function check(dir: string, parseAll: boolean, jobs?: number): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const workers = jobs === undefined ? {} : { grammarDir: path.join(repoRoot, 'dist', 'grammars'), workerScript: path.join(repoRoot, 'dist', 'cli-worker.js') };
  const code = await run(['check', '--format', 'json', ...(jobs === undefined ? [] : ['--jobs', String(jobs)]), dir], {
    cwd: dir, stdout: (t) => { stdout += asText(t); }, stderr: (t) => { stderr += t; }, grammars: nodeGrammars, parseAll, ...workers,
  });
  return { code, stdout, stderr };
}

async function assertSameCheck(dir: string, jobs?: number): Promise<unknown[]> {
  const all = await check(dir, true);
  const selective = await check(dir, false, jobs);
  assert.strictEqual(selective.stderr, all.stderr);
  assert.strictEqual(selective.code, all.code);
  assert.strictEqual(selective.stdout, all.stdout);
  return JSON.parse(all.stdout) as unknown[];
}

const findingCount = (report: unknown[]) => (report as Array<{ messages: unknown[] }>).reduce((n, f) => n + f.messages.length, 0);

suite('parsing less for check', function () {
  this.timeout(ENGINE_TEST_TIMEOUT_MS * 3);

  test('the query reader knows which captures every match makes, as tree-sitter does', async () => {
    const engine = new CodeEngine(nodeGrammars);
    for (const spec of LANGUAGES) {
      const { parser } = await engine.language(spec);
      const language = parser.language as Language;
      for (const key of ['statusQuery', 'handlerQuery', 'flowQuery'] as const) {
        const source = queryText(spec, key);
        if (!source) continue;
        const query = new Query(language, source);
        const ours = queryPatterns(source);
        assert.strictEqual(ours.length, query.captureQuantifiers.length, `${spec.id} ${key}: pattern count`);
        ours.forEach((pattern, i) => {
          const required = query.captureNames.filter((_, c) => query.captureQuantifiers[i][c] === 3 || query.captureQuantifiers[i][c] === 4);
          const present = query.captureNames.filter((_, c) => query.captureQuantifiers[i][c] !== 0);
          assert.deepStrictEqual([...pattern.required].sort(), [...required].sort(), `${spec.id} ${key} pattern ${i}: required captures`);
          assert.deepStrictEqual([...pattern.captures].sort(), [...present].sort(), `${spec.id} ${key} pattern ${i}: captures`);
        });
        query.delete();
      }
    }
  });

  test('every evidence a query states matches the lines (file evidence: the file) of every match of its pattern in the fixtures', async () => {
    const engine = new CodeEngine(nodeGrammars);
    const fixtures = codeFixtures();
    let checked = 0;
    for (const spec of LANGUAGES) {
      const source = queryText(spec, 'statusQuery')!;
      const patterns = queryPatterns(source);
      if (!patterns.some((p) => p.evidence.length > 0 || p.fileEvidence.length > 0)) continue;
      const { parser } = await engine.language(spec);
      const query = new Query(parser.language as Language, source);
      for (const { file, text } of fixtures.filter((f) => f.spec.id === spec.id)) {
        const parsed = text.replace(/\r\n?/g, '\n');
        const tree = parser.parse(parsed)!;
        for (const match of query.matches(tree.rootNode)) {
          const { evidence, fileEvidence } = patterns[match.patternIndex];
          if (match.captures.length === 0) continue;
          // `evidence.file` tests the whole file (what `check` tests anyway), for patterns whose match needs an import
          // (`#imported?`, which only the engine evaluates: the matches it keeps are those that yield something).
          const kept = fileEvidence.length > 0 && (await analyzeDocument(engine, text, { kind: 'code', spec })).occurrences
            .some((o) => match.captures.some((c) => o.range.start.line === c.node.startPosition.row && o.range.start.character === c.node.startPosition.column));
          for (const test of kept ? fileEvidence : []) {
            assert.ok(new RegExp(test, 'm').test(parsed), `${path.relative(repoRoot, file)} has a match of a pattern but does not match its file evidence ${test}`);
            checked++;
          }
          if (evidence.length === 0) continue;
          const from = Math.min(...match.captures.map((c) => c.node.startIndex));
          const to = Math.max(...match.captures.map((c) => c.node.endIndex));
          const lines = parsed.slice(parsed.lastIndexOf('\n', from - 1) + 1, parsed.indexOf('\n', to) < 0 ? parsed.length : parsed.indexOf('\n', to));
          for (const test of evidence) {
            assert.ok(new RegExp(test, 'm').test(lines), `${path.relative(repoRoot, file)}: ${JSON.stringify(lines)} does not match the evidence ${test}`);
            checked++;
          }
        }
        tree.delete();
      }
      query.delete();
    }
    assert.ok(checked > 20, `only ${checked} matches checked`);
  });

  test('a file whose analysis sends a status always has sink evidence', async () => {
    const engine = new CodeEngine(nodeGrammars);
    for (const { file, text, spec } of codeFixtures()) {
      const result = await analyzeDocument(engine, text, { kind: 'code', spec });
      const sends = result.occurrences.filter((o) => o.context === 'handler' && !o.sentAt);
      const sinks = result.flow?.sinks.length ?? 0;
      if (sends.length === 0 && sinks === 0) continue;
      const evidence = sinkEvidence(queryText(spec, 'statusQuery')!);
      assert.ok(hasSinkEvidence(text, evidence), `${path.relative(repoRoot, file)} sends ${sends.length} codes and has ${sinks} sinks, but no evidence`);
    }
  });

  test('the findings-only query gives the same findings and flow on every fixture', async () => {
    const engine = new CodeEngine(nodeGrammars);
    for (const { file, text, spec } of codeFixtures()) {
      const reader = { kind: 'code' as const, spec };
      const full = await analyzeDocument(engine, text, reader);
      const lean = await analyzeDocument(engine, text, reader, { findingsOnly: true });
      const name = path.relative(repoRoot, file);
      assert.deepStrictEqual(lean.findings, full.findings, `${name}: findings`);
      assert.deepStrictEqual(lean.flow, full.flow, `${name}: flow`);
      assert.deepStrictEqual(lean.occurrences.filter((o) => o.context === 'handler'), full.occurrences.filter((o) => o.context === 'handler'), `${name}: sends`);
    }
  });

  test('the findings-only query leaves out only patterns that explain', () => {
    for (const spec of LANGUAGES) {
      const source = queryText(spec, 'statusQuery')!;
      const kept = queryPatterns(findingsQuery(source));
      const all = queryPatterns(source);
      const needed = all.filter((p) => [...p.captures].some((c) => !c.startsWith('_') && c !== 'status.mention'));
      assert.strictEqual(kept.length, needed.length, spec.id);
      assert.ok(kept.length < all.length, `${spec.id}: nothing left out`);
    }
  });

  test('regular expressions lose only their anchors and optional prefixes', () => {
    assert.strictEqual(unanchored('^(res|response)$'), '(res|response)');
    assert.strictEqual(unanchored('^[^$]x\\$$'), '[^$]x\\$');
    assert.strictEqual(withoutOptionalPrefix('([a-z_]+::)*StatusCode::[A-Z]+'), 'StatusCode::[A-Z]+');
    assert.strictEqual(withoutOptionalPrefix('((actix_web::)?error::)?Error[A-Z]'), 'Error[A-Z]');
    assert.strictEqual(withoutOptionalPrefix('(a)?b|c'), '(a)?b|c');
    assert.strictEqual(withoutOptionalPrefix('(a)?'), '(a)?');
    // Each alternative loses its open-ended start (a run of word characters tried at every position of a file).
    assert.strictEqual(withoutOpenPrefixes('(\\[|(\\w+_)?(body|content)|\\w+\\.(body|each)\\b)'), '(?:\\[|(body|content)|\\.(body|each)\\b)');
    assert.strictEqual(withoutOpenPrefixes('(res|[a-z]\\w*Response)'), '(?:res|Response)');
    assert.strictEqual(withoutOpenPrefixes('[rfRF]?["\'](\\/|https?:)'), '["\'](\\/|https?:)');
    assert.strictEqual(withoutOpenPrefixes('[A-Z][A-Za-z]+Exception'), 'Exception');
    assert.strictEqual(withoutOpenPrefixes('error::'), 'error::');
    // Nothing left of an alternative: no test at all (any text may match).
    assert.strictEqual(withoutOpenPrefixes('(a|\\w+)'), undefined);
    assert.strictEqual(withoutOpenPrefixes('\\w{2}x'), '\\w{2}x');
    for (const [pattern, texts] of [['(\\[|(\\w+_)?(body|content)|\\w+\\.(body|each)\\b)', ['x[1]', 'api_body', 'res.each ']], ['(res|[a-z]\\w*Response)', ['res', 'httpResponse']]] as const) {
      const relaxed = new RegExp(withoutOpenPrefixes(pattern)!);
      // Necessary: whatever the original matches, the relaxed test matches too.
      for (const text of texts) assert.ok(new RegExp(pattern).test(text) && relaxed.test(text), `${pattern} on ${text}`);
    }
  });

  test('the demand of an index names what a file must mention', () => {
    const index = new FlowIndex();
    const at = { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } };
    index.set('mw.js', {
      family: 'javascript', edges: [['F:status', '.S0'], ['P:fail#1', '.S0']], sinks: [{ key: '.S0', range: at, fn: 'mw' }], values: [],
      refs: [{ range: at, text: 'Codes.CONFLICT', names: ['G:Codes.CONFLICT', 'G:CONFLICT'], to: '.S0', fn: 'mw' }], constants: [], classes: [],
    });
    const demand = index.demand();
    assert.deepStrictEqual([...demand.names].sort(), ['CONFLICT', 'fail']);
    assert.deepStrictEqual([...demand.fields], ['status']);
    const meets = meetsDemand(demand);
    assert.ok(meets('export const CONFLICT = 409;'));
    assert.ok(meets('fail(res, 409)'));
    assert.ok(meets('class ApiError extends Error { constructor(s) { super(); this.status = s; } }'));
    assert.ok(!meets('if (order.status === "paid") total += 409;'), 'a field without an error class');
    assert.ok(!meets('failure(1); const CONFLICTS = 2;'), 'names are whole words');
  });

  test('check reports the same with and without parsing everything: fixtures and fixture projects', async () => {
    const all = await assertSameCheck(fixture());
    assert.ok(findingCount(all) > 100);
    for (const project of fs.readdirSync(fixture('projects'))) await assertSameCheck(fixture('projects', project));
  });

  test('check reports the same with and without parsing everything: generated trees', async () => {
    for (const generated of [denseTree(90, 600 * 1024), sourceTree(60, 400 * 1024)]) {
      const dir = tempTree(Object.fromEntries(generated.files));
      try {
        const report = await assertSameCheck(dir);
        assert.strictEqual(findingCount(report), generated.unlisted);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  test('files without a sink are parsed, round by round, when the index asks for what they hold', async () => {
    const dir = tempTree({
      // A sink in the middleware reads err.status; the error class (no sink) stores it; its subclass fills it; a
      // handler throws the subclass; a helper chain forwards a constant defined in a file of its own.
      'src/middleware.js': "app.use((err, req, res, next) => { res.status(err.status).json({ error: err.message }); });\n"
        + "function send(res, code) { res.status(code).end(); }\nmodule.exports = { send };\n",
      'src/errors/base.js': 'class HttpFailure extends Error {\n  constructor(status, message) { super(message); this.status = status; }\n}\nmodule.exports = { HttpFailure };\n',
      'src/errors/conflict.js': "const { HttpFailure } = require('./base');\nclass Clash extends HttpFailure {\n  constructor() { super(409, 'exists'); }\n}\nmodule.exports = { Clash };\n",
      'src/routes/items.js': "router.post('/items', async (req, res) => {\n  if (req.body.dup) throw new Clash();\n  if (req.body.old) throw new HttpFailure(410, 'gone');\n  reply(res, Codes.TEAPOT);\n});\n",
      'src/lib/reply.js': 'function reply(res, status) {\n  relay(res, status);\n}\n',
      'src/lib/relay.js': 'function relay(res, status) {\n  send(res, status);\n}\n',
      'src/codes.js': 'class Codes {\n  static TEAPOT = 418;\n}\nmodule.exports = { Codes };\n',
      'src/unrelated.js': 'function area(width = 409) { return width * 302; }\n',
    });
    try {
      const report = await assertSameCheck(dir) as Array<{ filePath: string; messages: Array<{ line: number; message: string }> }>;
      const found = report.flatMap((f) => f.messages.map((m) => `${path.relative(dir, f.filePath)}:${m.line}`)).sort();
      assert.deepStrictEqual(found, ['src/errors/conflict.js:3', 'src/routes/items.js:3', 'src/routes/items.js:4']);
      // The same with worker threads, which keep their compiled languages from round to round.
      assert.ok(fs.existsSync(path.join(repoRoot, 'dist', 'cli-worker.js')), 'dist/cli-worker.js is built (npm run build)');
      await assertSameCheck(dir, 2);
      await assertSameCheck(fixture(), 2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
