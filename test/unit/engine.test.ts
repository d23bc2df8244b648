import * as assert from 'assert';
import * as fs from 'fs';
import { CodeEngine, findUnlisted, FlowIndex, isMinified, languageForPath, LANGUAGES, mergeFlow, nullLogger, Occurrence } from '../../src/core';
import { MINIFIED_MIN_CHARS } from '../../src/core/code/engine';
import { ALLOWED_CAPTURES } from '../../src/core/languages/captures';
import { edit, nextEdit } from './edits';
import { ENGINE_TEST_TIMEOUT_MS, expectations, fixture, nodeGrammars, sharedEngine } from './helpers';

/** `handler:409@createUser`; a code that travels to its sink adds the helper or class it goes through: `~sendError`. */
export function describeLine(occurrences: readonly Occurrence[]): string[] {
  return occurrences.map((o) => `${o.context}:${o.code}${o.handler ? `@${o.handler}` : ''}${o.sentAt && o.via ? `~${o.via}` : ''}`);
}

async function analyzeFixture(file: string): Promise<{ text: string; occurrences: readonly Occurrence[] }> {
  const text = fs.readFileSync(file, 'utf8');
  const spec = languageForPath(file);
  assert.ok(spec, `a language for ${file}`);
  // The markers are analysed away, so that their digits cannot make a file look like it has candidates.
  const { occurrences } = await sharedEngine().analyze(text.replace(/expect:[^\n]*/g, ''), spec);
  return { text, occurrences };
}

/** Every folder of test/fixtures but logs holds code fixtures; LTS_FIXTURES=python,go narrows the run. */
function fixtureFolders(): string[] {
  const only = process.env.LTS_FIXTURES?.split(',').filter(Boolean);
  return fs.readdirSync(fixture(), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'logs' && entry.name !== 'projects' && (!only || only.includes(entry.name)))
    .map((entry) => entry.name)
    .sort();
}

suite('code engine: fixtures', function () {
  this.timeout(ENGINE_TEST_TIMEOUT_MS);
  for (const folder of fixtureFolders()) {
    for (const name of fs.readdirSync(fixture(folder)).sort()) {
      test(`${folder}/${name}: every line yields exactly what its expect: comment says`, async () => {
        const { text, occurrences } = await analyzeFixture(fixture(folder, name));
        const expected = expectations(text);
        assert.ok(expected.size > 0, 'fixture has expectations');
        const lines = text.split('\n');
        for (let line = 0; line < lines.length; line++) {
          const actual = describeLine(occurrences.filter((o) => o.range.start.line === line));
          assert.deepStrictEqual(actual, expected.get(line) ?? [], `line ${line + 1}: ${lines[line].trim()}`);
        }
      });
    }
  }
});

/**
 * test/fixtures/projects/<name>/: a small multi-file application per folder. Every file is analysed, the flow
 * summaries are united in one index, and each file's occurrences (its own plus what flows across files) must match
 * its expect: comments, as for single files.
 */
function projectFolders(): string[] {
  const root = fixture('projects');
  if (!fs.existsSync(root)) return [];
  const only = process.env.LTS_FIXTURES?.split(',').filter(Boolean);
  return fs.readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && (!only || only.some((lang) => entry.name.startsWith(lang))))
    .map((entry) => entry.name).sort();
}

function filesUnder(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(`${dir}/${entry.name}`, `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]).sort();
}

suite('code engine: multi-file projects (status flow across files)', function () {
  this.timeout(ENGINE_TEST_TIMEOUT_MS);
  for (const project of projectFolders()) {
    test(`projects/${project}: every file's lines yield exactly what their expect: comments say`, async () => {
      const root = fixture('projects', project);
      const index = new FlowIndex();
      const own = new Map<string, { text: string; occurrences: readonly Occurrence[] }>();
      for (const file of filesUnder(root)) {
        const text = fs.readFileSync(`${root}/${file}`, 'utf8');
        const spec = languageForPath(file);
        if (!spec) continue;
        const analysis = await sharedEngine().analyze(text.replace(/expect:[^\n]*/g, ''), spec);
        index.set(file, analysis.flow);
        own.set(file, { text, occurrences: analysis.occurrences });
      }
      assert.ok([...own.values()].some(({ text }) => expectations(text).size > 0), 'the project has expectations');
      for (const [file, { text, occurrences }] of own) {
        const all = mergeFlow(occurrences, index.occurrences(file));
        const expected = expectations(text);
        const lines = text.split('\n');
        for (let line = 0; line < lines.length; line++) {
          const actual = describeLine(all.filter((o) => o.range.start.line === line));
          assert.deepStrictEqual(actual, expected.get(line) ?? [], `${file} line ${line + 1}: ${lines[line].trim()}`);
        }
      }
    });
  }
});

suite('code engine: details', function () {
  this.timeout(ENGINE_TEST_TIMEOUT_MS);
  const ts = languageForPath('x.ts')!;

  test('ranges are zero-based lines and UTF-16 columns, also after non-ASCII text', async () => {
    const text = 'const s = "ünïcødé 😀"; res.status(409);\n';
    const { occurrences } = await sharedEngine().analyze(text, ts);
    assert.strictEqual(occurrences.length, 1);
    const start = text.indexOf('409');
    assert.deepStrictEqual(occurrences[0].range, { start: { line: 0, character: start }, end: { line: 0, character: start + 3 } });
    assert.strictEqual(occurrences[0].text, '409');
  });

  test('a constant resolves to its value and keeps its name', async () => {
    const { occurrences } = await sharedEngine().analyze('const CONFLICT = 409;\nres.status(CONFLICT);', ts);
    assert.deepStrictEqual(occurrences.map((o) => [o.code, o.text, o.symbol, o.context, o.constant]), [[409, 'CONFLICT', 'CONFLICT', 'handler', true]]);
  });

  test('a name defined twice with different values is not resolved as a constant; the innermost binding flows', async () => {
    const { occurrences } = await sharedEngine().analyze('const A = 409;\nfunction f() { const A = 200; res.status(A); }', ts);
    assert.deepStrictEqual(occurrences.map((o) => [o.code, o.text, o.context, o.handler, o.range.start.line]), [[200, '200', 'handler', 'f', 1]]);
  });

  test('files without a candidate number or a flow word are not parsed', async () => {
    const result = await sharedEngine().analyze('send(OK); const x = 42; // done', ts);
    assert.strictEqual(result.skipped, 'noCandidates');
  });

  test('a minified text is not parsed, whatever the gate; the same code on short lines is', async () => {
    const js = languageForPath('bundle.min.js')!;
    // A bundle: one line of 30,000 characters with a handler in it.
    const filler = Array.from({ length: 600 }, (_, i) => `var v${i}=function(a,b){return a*${i}+b.width};`).join('');
    const handler = 'app.get("/",function(q,s){s.status(409).end()});';
    const minified = `${filler}${handler}${filler}`;
    assert.ok(minified.length > MINIFIED_MIN_CHARS && isMinified(minified));
    for (const options of [{}, { ungated: true }, { findingsOnly: true, ungated: true }]) {
      const result = await sharedEngine().analyze(minified, js, options);
      assert.deepStrictEqual([result.skipped, result.occurrences.length], ['minified', 0], JSON.stringify(options));
    }
    // The editor's incremental session says the same.
    const session = sharedEngine().session(js);
    try {
      assert.strictEqual((await session.update(minified)).skipped, 'minified');
    } finally {
      session.dispose();
    }
    // Pretty-printed (a line per statement), it is ordinary code again: the 409 is found.
    const pretty = minified.replace(/;/g, ';\n');
    assert.ok(!isMinified(pretty));
    assert.deepStrictEqual((await sharedEngine().analyze(pretty, js)).occurrences.map((o) => o.code), [409]);
    // A session that knew it pretty-printed, then sees it replaced by the bundle in one edit, says minified too.
    const edited = sharedEngine().session(js);
    try {
      assert.deepStrictEqual((await edited.update(pretty)).occurrences.map((o) => o.code), [409]);
      const { text, change } = edit(pretty, 0, pretty.length, minified);
      assert.strictEqual((await edited.update(text, change)).skipped, 'minified');
    } finally {
      edited.dispose();
    }
    // Short texts and long hand-written ones are never minified, whatever their line lengths.
    assert.ok(!isMinified(handler.repeat(300).slice(0, MINIFIED_MIN_CHARS - 1)));
    assert.ok(!isMinified(`${'x'.repeat(5000)}\n${'const a = 1;\n'.repeat(5000)}`));
  });

  test('a file without numbers that stores or sends a status is parsed for the flow index', async () => {
    const result = await sharedEngine().analyze('class ApiError extends Error {\n  constructor(status) { super(); this.status = status; }\n}', ts);
    assert.strictEqual(result.skipped, undefined);
    assert.ok(result.flow && result.flow.edges.length > 0);
  });

  test('malformed code does not throw and still finds what it can', async () => {
    const { occurrences } = await sharedEngine().analyze('function (( {{ res.status(409); ]]]', ts);
    assert.ok(Array.isArray(occurrences));
  });

  test('binary-looking input does not throw', async () => {
    const junk = Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('') + ' 404 ';
    await sharedEngine().analyze(junk, ts);
  });

  test('findings: unlisted handler codes only, with allow-list and suppression comments', async () => {
    const text = [
      'function createLogStream(req, res) {',
      '  res.status(409);',
      '  res.status(429);',
      '  // lts-status-disable-next-line',
      '  res.status(502);',
      '  res.status(418); // lts-status-disable-line',
      '  res.status(410);',
      '  if (res.status === 302) {}',
      '}',
    ].join('\n');
    const { occurrences } = await sharedEngine().analyze(text, ts);
    const lines = text.split('\n');
    const findings = findUnlisted(occurrences, { allowedCodes: new Set([410]), lineAt: (l) => lines[l] });
    assert.deepStrictEqual(findings.map((f) => f.code), [409]);
    assert.strictEqual(findings[0].message,
      'createLogStream returns 409 Conflict, not an LTS status code — use 400 Bad Request');
  });
});

suite('language data', function () {
  this.timeout(ENGINE_TEST_TIMEOUT_MS);
  test('every fixture occurrence has a trigger word within two lines, matches the hint, or comes through a helper', async () => {
    for (const folder of fixtureFolders()) {
      for (const name of fs.readdirSync(fixture(folder))) {
        const file = fixture(folder, name);
        const spec = languageForPath(file)!;
        const lines = fs.readFileSync(file, 'utf8').replace(/expect:[^\n]*/g, '').split('\n');
        const { occurrences } = await analyzeFixture(file);
        for (const occurrence of occurrences) {
          if (occurrence.via) continue;
          const line = occurrence.range.start.line;
          const window = lines.slice(Math.max(0, line - 2), line + 3).join('\n');
          assert.ok(spec.trigger!.test(window) || spec.hint?.test(window),
            `${folder}/${name}:${line + 1}: no ${spec.id} trigger or hint near "${lines[line].trim()}"`);
        }
      }
    }
  });

  test('files without a trigger word are not parsed, whatever numbers they hold', async () => {
    for (const spec of LANGUAGES) assert.ok(spec.trigger, `${spec.id} declares a trigger`);
    const ts = languageForPath('x.ts')!;
    assert.strictEqual((await sharedEngine().analyze('const width = 200; const limit = items.length * 409;', ts)).skipped, 'noCandidates');
    assert.strictEqual((await sharedEngine().analyze('res.status(409);', ts)).occurrences.length, 1);
  });


  test('query files use only the declared capture names', () => {
    for (const spec of LANGUAGES) {
      for (const query of [spec.statusQuery, spec.handlerQuery]) {
        assert.strictEqual(typeof query, 'string', 'tests load query text');
        const withoutComments = String(query).split('\n').map((line) => line.replace(/;.*$/, '')).join('\n');
        for (const [, name] of withoutComments.matchAll(/@([\w.]+)/g)) {
          assert.ok(name.startsWith('_') || ALLOWED_CAPTURES.has(name), `${spec.id}: unknown capture @${name}`);
        }
      }
    }
  });

  test('every language compiles its queries against its grammar', async () => {
    for (const spec of LANGUAGES) await sharedEngine().analyze('f(200)', spec);
  });

  test('languages are found by id and by file name', () => {
    assert.strictEqual(languageForPath('app/[id]/route.ts')?.id, 'typescript');
    assert.strictEqual(languageForPath('x.tsx')?.id, 'tsx');
    assert.strictEqual(languageForPath('x.mjs')?.id, 'javascript');
    assert.strictEqual(languageForPath('x.py')?.id, 'python');
    assert.strictEqual(languageForPath('notes.txt'), undefined);
  });
});

suite('code engine: incremental sessions', function () {
  this.timeout(ENGINE_TEST_TIMEOUT_MS);
  for (const [folder, name] of [['javascript', 'express.js'], ['javascript', 'hono-helpers.js'], ['typescript', 'nest-controller.ts'],
    ['python', 'flask_app.py'], ['go', 'gin.go'], ['java', 'spring.java'], ['csharp', 'controller.cs'], ['php', 'laravel.php'],
    ['ruby', 'rails_controller.rb'], ['rust', 'axum.rs']] as const) {
    test(`${folder}/${name}: after every edit, the session finds exactly what a fresh analysis finds`, async () => {
      const spec = languageForPath(name)!;
      let text = fs.readFileSync(fixture(folder, name), 'utf8');
      const session = sharedEngine().session(spec);
      try {
        await session.update(text);
        let incremental = 0;
        let compared = 0;
        let state = name.length * 7919;
        const random = (n: number) => { state = (state * 1103515245 + 12345) % 2147483648; return state % Math.max(1, n); };
        for (let i = 0; i < 40; i++) {
          const [start, end, inserted] = nextEdit(text, spec.lineComment, random);
          const before = text;
          let next = edit(text, start, end, inserted);
          text = next.text;
          let result = await session.update(text, next.change);
          if (session.lastUpdate === 'incremental') incremental++;
          if ((await sharedEngine().analyze(text, spec)).syntaxErrors) {
            // Broken code may be recovered differently by an incremental and a fresh parse; take the edit back,
            // as a user would, and compare once the code is whole again.
            next = edit(text, start, start + inserted.length, before.slice(start, end));
            text = next.text;
            assert.strictEqual(text, before);
            result = await session.update(text, next.change);
          }
          compared++;
          const fresh = await sharedEngine().analyze(text, spec);
          assert.deepStrictEqual(result.occurrences, fresh.occurrences, `after replacing [${start}, ${end}) with ${JSON.stringify(inserted)}`);
        }
        assert.ok(incremental > 10, `${incremental} edits were incremental`);
        assert.ok(compared > 10, `${compared} edits were compared`);
      } finally {
        session.dispose();
      }
    });
  }
});

suite('code engine: status queries compiled in part', function () {
  this.timeout(ENGINE_TEST_TIMEOUT_MS);
  for (const folder of fixtureFolders()) {
    test(`${folder}: only the status patterns a file can match are compiled, and they find what the whole query finds`, async () => {
      const logged: string[] = [];
      // Engines of their own: the shared one has grown its parts on other tests' files. The reference compiles the
      // whole queries first, so that it never uses a part.
      const engine = new CodeEngine(nodeGrammars, { ...nullLogger, info: (message: string) => { logged.push(message); } });
      const findings = new CodeEngine(nodeGrammars);
      const reference = new CodeEngine(nodeGrammars);
      for (const name of fs.readdirSync(fixture(folder)).sort()) {
        const spec = languageForPath(name)!;
        const text = fs.readFileSync(fixture(folder, name), 'utf8').replace(/expect:[^\n]*/g, '');
        await reference.language(spec);
        await reference.language(spec, true);
        const whole = await reference.analyze(text, spec);
        const session = engine.session(spec);
        try {
          const part = await session.update(text);
          assert.deepStrictEqual(part.occurrences, whole.occurrences, name);
          assert.deepStrictEqual(part.flow, whole.flow, `${name}: flow summary`);
        } finally {
          session.dispose();
        }
        // lts-status check: the findings-only query, in part and whole.
        const check = { findingsOnly: true, ungated: true };
        const [partFindings, wholeFindings] = await Promise.all([findings.analyze(text, spec, check), reference.analyze(text, spec, check)]);
        assert.deepStrictEqual(partFindings.occurrences, wholeFindings.occurrences, `${name}: findings only`);
        assert.deepStrictEqual(partFindings.flow, wholeFindings.flow, `${name}: findings only, flow summary`);
      }
      // The first file compiled a part; later ones grew it (or, past the limit, compiled the whole query).
      const first = logged.map((line) => /^Compiled (\d+) of the (\d+) status patterns/.exec(line)).find(Boolean);
      assert.ok(first && Number(first[1]) < Number(first[2]), logged.join('\n'));
    });
  }
});
