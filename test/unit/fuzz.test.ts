/**
 * Property tests over mutated fixtures (fast-check, seeded). `npm test` runs a few cases per property; `npm run fuzz`
 * runs many (LTS_FUZZ_RUNS, default 500; LTS_FUZZ_SEED picks another seed). A failure prints the seed and the path
 * that reproduce it.
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import {
  CodeAnalysis, CodeSession, detectLogLayout, FlowIndex, headLines, isEngineCrashed, LanguageSpec, languageForPath, mergeFlow, Occurrence, scanLine,
  scanText,
} from '../../src/core';
import { edit, nextEdit } from './edits';
import { fixture, sharedEngine } from './helpers';

const RUNS = Number(process.env.LTS_FUZZ_RUNS ?? 12);
const SEED = Number(process.env.LTS_FUZZ_SEED ?? 20261130);
const DEADLINE_MS = 2_000;
const params = (runs = RUNS): fc.Parameters<unknown> => ({ numRuns: runs, seed: SEED, endOnFailure: true });

/** Every fixture, code and logs, with its expect: markers removed. */
/** Files under a fixture folder, with paths relative to it (the multi-file projects hold folders). */
function filesIn(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name)).flatMap((entry) =>
    entry.isDirectory() ? filesIn(`${dir}/${entry.name}`, `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]);
}

const FIXTURES = fs.readdirSync(fixture()).sort().flatMap((folder) => filesIn(fixture(folder)).map((name) => ({
  folder, name, text: fs.readFileSync(fixture(folder, name), 'utf8').replace(/ *(\/\/|#|--)? *expect:[^\n]*/g, ''),
})));
const CODE = FIXTURES.filter((f) => f.folder !== 'logs');
const LOGS = FIXTURES.filter((f) => f.folder === 'logs');

/** Pieces that matter to parsers and to the scanner: brackets, quotes, comments, codes, line breaks, a BOM. */
const PIECES = ['(', ')', '[', ']', '{', '}', '<', '>', '"', "'", '`', ',', ';', ':', '.', '=', '==', '#', '//', '/*', '*/', '\\',
  '409', '200', '599', 'status', 'res.status(', 'StatusCode::', 'HttpStatus.', 'return ', 'if ', 'def ', 'fn ', 'func ', '\n', '\r\n', '\r',
  '\t', ' ', '\uFEFF', 'é', '😀', '\u2028'];

type Mutation = { kind: 'delete' | 'duplicate' | 'insert' | 'swapLines'; at: number; length: number; piece: number };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom<Mutation['kind']>('delete', 'duplicate', 'insert', 'insert', 'swapLines'),
  at: fc.nat(), length: fc.nat({ max: 400 }), piece: fc.nat(),
});

function mutate(text: string, mutations: readonly Mutation[]): string {
  for (const m of mutations) {
    const at = text.length === 0 ? 0 : m.at % text.length;
    const end = Math.min(text.length, at + m.length);
    if (m.kind === 'delete') text = text.slice(0, at) + text.slice(end);
    else if (m.kind === 'duplicate') text = text.slice(0, end) + text.slice(at, end) + text.slice(end);
    else if (m.kind === 'insert') text = text.slice(0, at) + PIECES[m.piece % PIECES.length].repeat(1 + (m.length % 3)) + text.slice(at);
    else {
      const lines = text.split('\n');
      const a = m.at % lines.length;
      const b = m.length % lines.length;
      [lines[a], lines[b]] = [lines[b], lines[a]];
      text = lines.join('\n');
    }
  }
  return text;
}

/** A case: a fixture (by index) and the mutations applied to it. */
const mutated = (files: typeof FIXTURES) => fc.record({ file: fc.nat({ max: files.length - 1 }), mutations: fc.array(mutation, { maxLength: 6 }) })
  .map(({ file, mutations }) => ({ ...files[file], text: mutate(files[file].text, mutations) }));

/** Lines as VS Code shows them: \n, \r\n and \r break lines; a BOM at the start is not shown. */
function editorLines(text: string): string[] {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\r|\n/);
}

function assertRangesValid(text: string, occurrences: readonly Occurrence[]): void {
  const lines = editorLines(text);
  for (const o of occurrences) {
    const { start, end } = o.range;
    assert.ok(start.line >= 0 && start.line < lines.length && end.line >= start.line && end.line < lines.length, `lines of ${JSON.stringify(o)}`);
    assert.ok(start.character >= 0 && start.character <= lines[start.line].length, `start column of ${JSON.stringify(o)}`);
    assert.ok(end.character >= 0 && end.character <= lines[end.line].length, `end column of ${JSON.stringify(o)}`);
    const covered = start.line === end.line
      ? lines[start.line].slice(start.character, end.character)
      : [lines[start.line].slice(start.character), ...lines.slice(start.line + 1, end.line), lines[end.line].slice(0, end.character)].join('\n');
    if (start.line === end.line) assert.strictEqual(covered, o.text, `the text at ${JSON.stringify(o.range)}`);
    else assert.strictEqual(covered.replace(/\s+/g, ' '), o.text.replace(/\s+/g, ' '), `the text at ${JSON.stringify(o.range)}`);
  }
}

/** What two analyses must agree on: where (line, column) and what. */
const positions = (occurrences: readonly Occurrence[]) => occurrences.map((o) =>
  `${o.range.start.line}:${o.range.start.character}-${o.range.end.line}:${o.range.end.character} ${o.context}:${o.code}@${o.handler} ${o.symbol ?? ''}`);

async function analyze(text: string, spec: LanguageSpec): Promise<CodeAnalysis> {
  try {
    return await sharedEngine().analyze(text, spec, { timeoutMs: DEADLINE_MS });
  } catch (error) {
    // A runtime crash breaks the WebAssembly module for the rest of the run: say so plainly.
    if (isEngineCrashed(error)) assert.fail(`the tree-sitter runtime crashed (the rest of this run is void): ${(error as Error).message}`);
    throw error;
  }
}

const withEol = (text: string, eol: string) => text.replace(/\r\n|\r|\n/g, eol);

suite('fuzz: code', () => {
  test('mutated fixtures: no exception escapes, the analysis ends, ranges point at the reported text', async function () {
    this.timeout(Math.max(60_000, RUNS * 4 * DEADLINE_MS)); // each case ends by its deadline at worst
    await fc.assert(fc.asyncProperty(mutated(CODE), async ({ name, text }) => {
      const result = await analyze(text, languageForPath(name)!);
      if (result.skipped === 'timeout') assert.deepStrictEqual(result.occurrences, []);
      assertRangesValid(text, result.occurrences);
    }), params());
  });

  test('\\n, \\r\\n and \\r variants of a mutated fixture give the same lines, columns and codes; so does a BOM', async function () {
    this.timeout(Math.max(60_000, RUNS * 8 * DEADLINE_MS));
    await fc.assert(fc.asyncProperty(mutated(CODE), async ({ name, text }) => {
      const spec = languageForPath(name)!;
      const base = withEol(text, '\n');
      // Only the first byte order mark is one (a second is a character, in VS Code too).
      const bom = base.charCodeAt(0) === 0xfeff ? [] : [`\uFEFF${base}`];
      const results = await Promise.all([base, withEol(text, '\r\n'), withEol(text, '\r'), ...bom].map((variant) => analyze(variant, spec)));
      if (results.some((r) => r.skipped === 'timeout')) return;
      for (const result of results.slice(1)) assert.deepStrictEqual(positions(result.occurrences), positions(results[0].occurrences));
    }), params());
  });

  test('incremental sessions equal fresh analyses after random edits (on error-free trees)', async function () {
    this.timeout(Math.max(60_000, RUNS * 20 * DEADLINE_MS));
    await fc.assert(fc.asyncProperty(fc.nat({ max: CODE.length - 1 }), fc.array(fc.nat(), { minLength: 1, maxLength: 12 }), async (file, choices) => {
      const spec = languageForPath(CODE[file].name)!;
      let text = CODE[file].text;
      const session = sharedEngine().session(spec, { timeoutMs: DEADLINE_MS });
      try {
        await session.update(text);
        for (const choice of choices) {
          let state = choice;
          const random = (n: number) => { state = (state * 1103515245 + 12345) % 2147483648; return state % Math.max(1, n); };
          const [start, end, inserted] = nextEdit(text, spec.lineComment, random);
          const before = text;
          let next = edit(text, start, end, inserted);
          text = next.text;
          let result = await session.update(text, next.change);
          let fresh = await analyze(text, spec);
          if (fresh.syntaxErrors) {
            // Broken code may be recovered differently by an incremental and a fresh parse: take the edit back.
            next = edit(text, start, start + inserted.length, before.slice(start, end));
            text = next.text;
            result = await session.update(text, next.change);
            fresh = await analyze(text, spec);
          }
          if (result.skipped === 'timeout' || fresh.skipped === 'timeout' || fresh.syntaxErrors) continue;
          assert.deepStrictEqual(result.occurrences, fresh.occurrences);
        }
      } finally {
        session.dispose();
      }
    }), params(Math.max(1, Math.floor(RUNS / 3))));
  });
});

/** The multi-file projects (test/fixtures/projects/*): their code files, markers removed. */
const PROJECTS = fs.existsSync(fixture('projects')) ? fs.readdirSync(fixture('projects')).sort().map((project) => ({
  project,
  files: filesIn(fixture('projects', project)).filter((name) => languageForPath(name))
    .map((name) => ({ name, text: fs.readFileSync(fixture('projects', project, name), 'utf8').replace(/ *(\/\/|#|--)? *expect:[^\n]*/g, '') })),
})) : [];

suite('fuzz: status flow', () => {
  test('after random edits to a project\'s files, the index kept up to date equals a fresh whole-tree analysis', async function () {
    if (PROJECTS.length === 0) this.skip();
    this.timeout(Math.max(120_000, RUNS * 40 * DEADLINE_MS));
    await fc.assert(fc.asyncProperty(fc.nat({ max: PROJECTS.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 10 }),
      async (which, steps) => {
        const { files } = PROJECTS[which];
        const texts = files.map((f) => f.text);
        const specs = files.map((f) => languageForPath(f.name)!);
        const sessions: CodeSession[] = specs.map((spec) => sharedEngine().session(spec, { timeoutMs: DEADLINE_MS }));
        const kept = new FlowIndex();
        const own: CodeAnalysis[] = [];
        try {
          for (let i = 0; i < files.length; i++) {
            own[i] = await sessions[i].update(texts[i]);
            kept.set(files[i].name, own[i].flow);
          }
          for (const [fileChoice, choice] of steps) {
            const i = fileChoice % files.length;
            let state = choice;
            const random = (n: number) => { state = (state * 1103515245 + 12345) % 2147483648; return state % Math.max(1, n); };
            const [start, end, inserted] = nextEdit(texts[i], specs[i].lineComment, random);
            const next = edit(texts[i], start, end, inserted);
            const fresh = await analyze(next.text, specs[i]);
            // Broken code may be recovered differently by an incremental and a fresh parse: such an edit is skipped.
            if (fresh.syntaxErrors || fresh.skipped === 'timeout') continue;
            texts[i] = next.text;
            own[i] = await sessions[i].update(texts[i], next.change);
            if (own[i].skipped === 'timeout') return;
            kept.set(files[i].name, own[i].flow);

            const scratch = new FlowIndex();
            const freshAll = await Promise.all(files.map((_file, k) => analyze(texts[k], specs[k])));
            if (freshAll.some((r) => r.skipped === 'timeout')) return;
            freshAll.forEach((r, k) => scratch.set(files[k].name, r.flow));
            for (let k = 0; k < files.length; k++) {
              assert.deepStrictEqual(mergeFlow(own[k].occurrences, kept.occurrences(files[k].name)),
                mergeFlow(freshAll[k].occurrences, scratch.occurrences(files[k].name)), `${files[k].name} after editing ${files[i].name}`);
            }
          }
        } finally {
          for (const session of sessions) session.dispose();
        }
      }), params(Math.max(1, Math.floor(RUNS / 3))));
  });
});

suite('fuzz: logs', () => {
  test('mutated logs: ranges point at the text; scanText equals scanLine per line; \\n, \\r\\n, \\r and a BOM agree', function () {
    this.timeout(60_000);
    fc.assert(fc.property(mutated(LOGS), ({ text }) => {
      const whole = scanText(text);
      assertRangesValid(text, whole);
      const lines = editorLines(text);
      // scanLine gets the layout a header declares, as the editor passes it.
      const layout = detectLogLayout(headLines(text));
      assert.deepStrictEqual(whole, lines.flatMap((line, i) => scanLine(line, i, layout)));
      const base = withEol(text, '\n');
      const bom = base.charCodeAt(0) === 0xfeff ? [] : [`\uFEFF${base}`];
      for (const variant of [withEol(text, '\r\n'), withEol(text, '\r'), ...bom]) {
        assert.deepStrictEqual(positions(scanText(variant)), positions(scanText(base)));
      }
    }), params(RUNS * 10));
  });
});
