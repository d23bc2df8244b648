import * as assert from 'assert';
import { execFile } from 'child_process';
import * as path from 'path';
import {
  analyzeDocument, CodeEngine, EngineCrashed, isEngineCrashed, LanguageSpec, languageForPath, LineIndex, Occurrence, scanLine, scanText,
} from '../../src/core';
import { adversarialInputs } from './adversarial';
import { nodeGrammars, sharedEngine } from './helpers';

const describe = (occurrences: readonly Occurrence[]) => occurrences.map((o) => `${o.context}:${o.code}${o.handler ? `@${o.handler}` : ''}`);

suite('engine hardening: adversarial inputs', () => {
  for (const input of adversarialInputs()) {
    test(`${input.name}: ends with its full result or skipped: 'timeout'`, async function () {
      // Generous: the point is that the analysis ends (by its own 2 s deadline at worst), not how fast.
      this.timeout(60_000);
      const spec = languageForPath(input.file)!;
      const result = await sharedEngine().analyze(input.text, spec, { timeoutMs: 2_000 });
      if (result.skipped === 'timeout') {
        assert.deepStrictEqual(result.occurrences, [], 'a timed-out analysis reports nothing, never a part');
      } else {
        assert.strictEqual(result.skipped, undefined);
        assert.deepStrictEqual(describe(result.occurrences), input.expected);
      }
    });
  }
});

suite('engine hardening: deadline', () => {
  const js = languageForPath('x.js')!;
  const handler = 'function createStream(req, res) {\n  res.status(409);\n}\n';
  /** Large enough that no machine parses it within the first millisecond. */
  const slow = `res.status(409);\n${'function f(a) { return [a, { b: a + 1 }, (c) => c * 2]; }\n'.repeat(20_000)}`;

  test('a passed deadline gives skipped: timeout and nothing else', async function () {
    this.timeout(60_000); // parses 1 MB at most once
    const result = await sharedEngine().analyze(slow, js, { timeoutMs: 0 });
    assert.strictEqual(result.skipped, 'timeout');
    assert.deepStrictEqual(result.occurrences, []);
  });

  test('after a timeout the parser starts afresh: the next document gets its full results', async function () {
    this.timeout(60_000);
    for (let i = 0; i < 3; i++) {
      assert.strictEqual((await sharedEngine().analyze(slow, js, { timeoutMs: 0 })).skipped, 'timeout');
      const next = await sharedEngine().analyze(handler, js);
      assert.deepStrictEqual(describe(next.occurrences), ['handler:409@createStream']);
      assert.strictEqual(next.syntaxErrors, false);
    }
  });

  test('a session that times out analyses the next version in full', async function () {
    this.timeout(60_000);
    const session = sharedEngine().session(js, { timeoutMs: 0 });
    try {
      assert.strictEqual((await session.update(slow)).skipped, 'timeout');
      assert.strictEqual(session.lastUpdate, 'skipped');
    } finally {
      session.dispose();
    }
    const fresh = sharedEngine().session(js);
    try {
      assert.deepStrictEqual(describe((await fresh.update(handler)).occurrences), ['handler:409@createStream']);
    } finally {
      fresh.dispose();
    }
  });
});

suite('engine hardening: runtime failures', () => {
  test('an error from a query marks the engine crashed; it refuses all later work with EngineCrashed', async () => {
    const ts = languageForPath('x.ts')!;
    // An unknown predicate makes the engine's own predicate evaluation throw inside the query step.
    const broken: LanguageSpec = { ...ts, id: 'broken', statusQuery: `${String(ts.statusQuery)}\n((identifier) @_x (#no-such-predicate? @_x))` };
    const engine = new CodeEngine(nodeGrammars);
    await assert.rejects(engine.analyze('res.status(409);', broken), (error: unknown) => error instanceof EngineCrashed && isEngineCrashed(error));
    assert.ok(engine.crashed);
    await assert.rejects(engine.analyze('res.status(409);', ts), EngineCrashed);
    await assert.rejects(engine.session(ts).update('res.status(409);'), EngineCrashed);
    assert.strictEqual(isEngineCrashed(new Error('x')), false);
    assert.strictEqual(isEngineCrashed({ name: 'EngineCrashed', message: 'cloned from a worker' }), true);
  });

  test('the TypeScript input that traps the WebAssembly runtime is reported as EngineCrashed, and so is everything after', async function () {
    this.timeout(60_000); // a child process: the trap breaks the runtime for its whole process
    const child = path.join(__dirname, 'crash-child.js');
    const output = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, [child], { timeout: 50_000 }, (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)));
    });
    const { crash, after, engineCrashed } = JSON.parse(output);
    if (crash.threw === undefined) {
      // A runtime that no longer traps on this input must give the complete result.
      assert.deepStrictEqual(crash, { occurrences: 1, skipped: null });
      assert.deepStrictEqual(after, { occurrences: 1, skipped: null });
    } else {
      assert.strictEqual(crash.threw, 'EngineCrashed');
      assert.ok(crash.crashed);
      assert.match(crash.message, /TypeScript/);
      assert.strictEqual(after.threw, 'EngineCrashed', 'a crashed engine refuses later work');
      assert.ok(engineCrashed);
    }
  });
});

suite('one line model: \\n, \\r\\n and a lone \\r break lines; a BOM is not a column', () => {
  const js = languageForPath('x.js')!;
  const at = (o: Occurrence) => [o.range.start.line, o.range.start.character, o.code];

  test('lone \\r line breaks count as in VS Code, with findings on their own lines', async () => {
    const result = await analyzeDocument(sharedEngine(), 'res.status(409);\rres.status(410);\r', { kind: 'code', spec: js });
    assert.deepStrictEqual(result.findings.map((f) => at(f.occurrence)), [[0, 11, 409], [1, 11, 410]]);
  });

  test('the same code with \\n, \\r\\n or \\r gives the same lines and columns', async () => {
    const lines = ['function h(req, res) {', '  // a comment', '  res.status(409); // lts-status-disable-line', '  res.status(410);',
      '  // lts-status-disable-next-line', '  res.sendStatus(418);', '  res.sendStatus(502);', '}', ''];
    const results = await Promise.all(['\n', '\r\n', '\r'].map((eol) =>
      analyzeDocument(sharedEngine(), lines.join(eol), { kind: 'code', spec: js })));
    for (const result of results) {
      assert.deepStrictEqual(result.occurrences.map(at), results[0].occurrences.map(at));
      // Suppression comments work whatever the line breaks.
      assert.deepStrictEqual(result.findings.map((f) => at(f.occurrence)), [[3, 13, 410], [6, 17, 502]]);
    }
    assert.strictEqual(results[0].occurrences.length, 4);
  });

  test('a line comment ends at a lone \\r (the grammar sees the line break too)', async () => {
    const py = languageForPath('x.py')!;
    const result = await analyzeDocument(sharedEngine(), '# comment\rabort(409)\r', { kind: 'code', spec: py });
    assert.deepStrictEqual(result.findings.map((f) => at(f.occurrence)), [[1, 6, 409]]);
  });

  test('a UTF-8 BOM does not shift the columns of line 0', async () => {
    const text = 'res.status(409); res.status(410);\nres.status(418);\n';
    const plain = await analyzeDocument(sharedEngine(), text, { kind: 'code', spec: js });
    const bom = await analyzeDocument(sharedEngine(), `\uFEFF${text}`, { kind: 'code', spec: js });
    assert.deepStrictEqual(bom.occurrences.map(at), plain.occurrences.map(at));
    assert.deepStrictEqual(plain.occurrences.map(at), [[0, 11, 409], [0, 28, 410], [1, 11, 418]]);
  });

  test('logs: lone \\r, \\r\\n and a BOM give VS Code lines and columns', () => {
    const lines = ['level=warn status=429 duration=500ms', 'ts=2026-11-30T10:00:01Z http_status=503 upstream=10.0.200.4:8080',
      'method=GET path=/v2/groups status="404" took=404ms'];
    const expected = scanText(lines.join('\n')).map(at);
    assert.ok(expected.length >= 3);
    for (const eol of ['\r\n', '\r']) assert.deepStrictEqual(scanText(lines.join(eol)).map(at), expected);
    assert.deepStrictEqual(scanText(`\uFEFF${lines.join('\n')}`).map(at), expected);
    // Lines as the editor holds them: scanLine over VS Code's lines equals scanText over the file.
    assert.deepStrictEqual(lines.flatMap((line, i) => scanLine(line, i)).map(at), expected);
  });

  test('LineIndex: positions and line starts', () => {
    const index = new LineIndex('\uFEFFab\r\ncd\ref\ngh');
    assert.strictEqual(index.lineCount, 4);
    assert.deepStrictEqual([1, 5, 8, 11].map((i) => index.position(i)),
      [{ line: 0, character: 0 }, { line: 1, character: 0 }, { line: 2, character: 0 }, { line: 3, character: 0 }]);
    assert.deepStrictEqual([0, 1, 2, 3].map((l) => index.lineStart(l)), [1, 5, 8, 11]);
    assert.deepStrictEqual([0, 1, 2, 3].map((l) => index.contentEnd(l)), [3, 7, 10, 13]);
  });
});

suite('findings: suppression comments', () => {
  test('each line is read once, however many findings it holds', async () => {
    const js = languageForPath('x.js')!;
    // 17,200 characters: a longer line would be minified and not parsed (engine.ts isMinified).
    const line = 'function h(req, res) { res.status(409); } '.repeat(400);
    const { occurrences } = await sharedEngine().analyze(line, js);
    assert.strictEqual(occurrences.length, 400);
    const reads = new Map<number, number>();
    const { findUnlisted } = await import('../../src/core');
    const findings = findUnlisted(occurrences, { lineAt: (l) => { reads.set(l, (reads.get(l) ?? 0) + 1); return line; } });
    assert.strictEqual(findings.length, 400);
    assert.deepStrictEqual([...reads.values()], [1]);
  });
});
