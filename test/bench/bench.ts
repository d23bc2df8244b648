/**
 * `npm run bench`: the performance table. Budgets live here, never in unit tests. Inputs are generated from fixed
 * seeds (test/bench/generate.ts); the only tools used besides ours are ast-grep (npm @ast-grep/cli) and ripgrep
 * (Debian's ripgrep, installed by test/bench/setup.sh). A row over its budget is marked OVER; the run still prints
 * every row, then exits 1.
 *
 * Flags: --quick (smaller inputs, fewer runs: for trying the bench itself), --markdown (print the table as Markdown).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  analyzeDocument, CodeEngine, FlowIndex, FlowSummary, GrammarLoader, languageForPath, LineIndex, Occurrence, scanLine, scanLines, scanText, textChange,
} from '../../src/core';
import { accessLog, denseTree, realFormatLog, minifiedJs, pythonModule, sourceFile, sourceTree } from './generate';

const quick = process.argv.includes('--quick');
const markdown = process.argv.includes('--markdown');
/** `--only logs` (or startup, check, editor): run that part alone. */
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const repoRoot = path.resolve(__dirname, '../../..');
const cacheDir = path.join(os.tmpdir(), 'lts-status-bench');
const wasmDir = path.dirname(require.resolve('@vscode/tree-sitter-wasm'));
const grammars: GrammarLoader = {
  runtimeLocation: () => path.join(wasmDir, 'tree-sitter.wasm'),
  grammar: async (name) => path.join(wasmDir, `tree-sitter-${name}.wasm`),
};

interface Row {
  readonly section: string;
  readonly name: string;
  /** Our figure, formatted. */
  readonly ours: string;
  /** The peer's figure, when there is one. */
  readonly peer?: string;
  readonly ratio?: string;
  readonly budget: string;
  readonly ok: boolean;
}

const rows: Row[] = [];

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function time(fn: () => Promise<unknown> | unknown, repeat: number): Promise<number[]> {
  const runs: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    await fn();
    runs.push(performance.now() - start);
  }
  return runs;
}

const ms = (value: number) => (value < 10 ? value.toFixed(3) : value.toFixed(1));
const pcts = (runs: readonly number[]) => `p50 ${ms(percentile(runs, 50))} · p95 ${ms(percentile(runs, 95))} · p99 ${ms(percentile(runs, 99))} ms`;

/** Wall time of a command, median of `repeat` runs; its stdout from the last run. */
function command(cmd: string, args: readonly string[], repeat: number): { ms: number; stdout: string } {
  const runs: number[] = [];
  let stdout = '';
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    const result = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
    runs.push(performance.now() - start);
    if (result.error) throw result.error;
    if (result.status !== 0 && result.status !== 1) throw new Error(`${cmd} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
    stdout = result.stdout;
  }
  return { ms: percentile(runs, 50), stdout };
}

/** Writes generated inputs once per machine; later runs reuse them. */
function cached(name: string, write: (target: string) => void): string {
  const target = path.join(cacheDir, name);
  const stamp = `${target}.complete`;
  if (!fs.existsSync(stamp)) {
    fs.rmSync(target, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(target), { recursive: true });
    write(target);
    fs.writeFileSync(stamp, '');
  }
  return target;
}

/** The repository check's wall time (for the status-flow index's budget). */
let checkMs = Number.NaN;

// ---- (a) repository check against ast-grep ----------------------------------------------------------------------
/**
 * Both trees: the sparse one (80 % of files without a status-like number) and the dense web-application tree (every
 * file imports its framework and mentions statuses of other kinds, numbers everywhere, one file in ten with handlers,
 * nine languages), which is what real services look like.
 */
function repositoryCheck(kind: 'sparse' | 'dense'): void {
  const files = quick ? 400 : 2000;
  const bytes = (quick ? 10 : 50) * 1024 * 1024;
  const tree = cached(`${kind === 'dense' ? 'dense' : 'tree'}-${files}-${bytes}`, (target) => {
    const generated = kind === 'dense' ? denseTree(files, bytes) : sourceTree(files, bytes);
    for (const [name, text] of generated.files) {
      fs.mkdirSync(path.dirname(path.join(target, name)), { recursive: true });
      fs.writeFileSync(path.join(target, name), text);
    }
    fs.writeFileSync(`${target}.expected`, String(generated.unlisted));
  });
  const expected = Number(fs.readFileSync(`${tree}.expected`, 'utf8'));
  const repeat = quick ? 1 : 3;
  const ours = command(process.execPath, [path.join(repoRoot, 'dist/cli.js'), 'check', '--format', 'json', tree], repeat);
  const oursCount = (JSON.parse(ours.stdout) as Array<{ messages: unknown[] }>).reduce((n, f) => n + f.messages.length, 0);
  const sg = command(path.join(repoRoot, 'node_modules/.bin/ast-grep'),
    ['scan', '-c', path.join(repoRoot, 'test/bench/ast-grep/sgconfig.yml'), '--json=compact', tree], repeat);
  const sgCount = (JSON.parse(sg.stdout) as unknown[]).length;
  const single = command(process.execPath, [path.join(repoRoot, 'dist/cli.js'), 'check', '--jobs', '1', '--format', 'json', tree], 1);
  if (kind === 'sparse') checkMs = ours.ms;
  const size = `${files} files, ${(bytes / 1048576).toFixed(0)} MB, ${kind === 'dense' ? 'dense web app, 9 languages' : 'sparse, 5 languages'}`;
  const section = kind === 'dense' ? 'a3. repository check, dense' : 'a. repository check';
  rows.push({
    section, name: `lts-status check vs ast-grep scan (${size})`,
    ours: `${ms(ours.ms)} ms, ${oursCount} findings`, peer: `${ms(sg.ms)} ms, ${sgCount} findings`,
    ratio: `${(sg.ms / ours.ms).toFixed(2)}× ast-grep's speed`, budget: '≥ 1×, same findings',
    ok: ours.ms <= sg.ms && oursCount === sgCount && oursCount === expected,
  });
  rows.push({
    section, name: 'lts-status check --jobs 1 (one thread)', ours: `${ms(single.ms)} ms`,
    ratio: `default jobs take ${(ours.ms / single.ms).toFixed(2)}× the time of one thread`, budget: 'default ≤ one thread', ok: ours.ms <= single.ms * 1.05,
  });
}

// ---- (a2) what status flow costs ------------------------------------------------------------------------------
/**
 * On the same tree, single-threaded and in-process: the analysis of every file of a language with status flow, with
 * flow and with the language's flow data taken away (what the per-file summary costs), and the index over all
 * summaries (what uniting the tree costs, the CLI's and the editor's extra step).
 */
async function flowCost(engine: CodeEngine): Promise<void> {
  const files = quick ? 400 : 2000;
  const bytes = (quick ? 10 : 50) * 1024 * 1024;
  const tree = cached(`tree-${files}-${bytes}`, () => { throw new Error('the repository-check tree is built first'); });
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  const sources = walk(tree).map((file) => ({ file, spec: languageForPath(file) })).filter((f) => f.spec?.flow)
    .map(({ file, spec }) => ({ file, spec: spec!, text: fs.readFileSync(file, 'utf8') }));
  const noFlow = new Map(sources.map(({ spec }) => [spec.id, { ...spec, id: `${spec.id}-noflow`, flow: undefined, flowQuery: undefined }]));
  for (const spec of noFlow.values()) await engine.analyze('res.status(200)', spec);
  const summaries: Array<[string, FlowSummary | undefined]> = [];
  const withFlow = await time(async () => {
    summaries.length = 0;
    for (const { file, spec, text } of sources) summaries.push([file, (await engine.analyze(text, spec)).flow]);
  }, quick ? 1 : 3);
  const without = await time(async () => {
    for (const { spec, text } of sources) await engine.analyze(text, noFlow.get(spec.id)!);
  }, quick ? 1 : 3);
  let found = 0;
  const indexRuns = await time(() => {
    const index = new FlowIndex();
    for (const [file, flow] of summaries) index.set(file, flow);
    found = 0;
    for (const [file] of summaries) found += index.occurrences(file).length;
  }, quick ? 3 : 10);
  const section = 'a2. status flow';
  const median = (values: number[]) => percentile(values, 50);
  rows.push({
    section, name: `analysis of the ${sources.length} JS/TS files, with flow vs without (one thread)`,
    ours: `${ms(median(withFlow))} ms`, peer: `${ms(median(without))} ms without`,
    ratio: `+${(((median(withFlow) - median(without)) / median(without)) * 100).toFixed(0)}%`, budget: '—', ok: true,
  });
  rows.push({
    section, name: `index over ${summaries.filter(([, f]) => f).length} summaries, every file's flow occurrences`,
    ours: `${ms(median(indexRuns))} ms, ${found} occurrences`, budget: '< 10% of the check\'s wall time',
    ok: median(indexRuns) < 0.1 * checkMs,
  });
}

// ---- (b) log scan against ripgrep --------------------------------------------------------------------------------
function logScan(): void {
  const megabytes = quick ? 20 : 100;
  const file = cached(`log-${megabytes}.log`, (target) => fs.writeFileSync(target, `${accessLog(megabytes * 1024 * 1024).join('\n')}\n`));
  const size = fs.statSync(file).size / 1048576;
  const runs = [];
  let count = 0;
  for (let i = 0; i < (quick ? 1 : 3); i++) {
    const start = performance.now();
    count = scanText(fs.readFileSync(file).toString('utf8')).length;
    runs.push(performance.now() - start);
  }
  const oursMs = percentile(runs, 50);
  // ripgrep counts the lines with a status in the two shapes this log has: after the quoted request, or a JSON field.
  const rg = command('rg', ['-c', '" [1-5][0-9]{2} |"status":[1-5][0-9]{2}', file], quick ? 1 : 3);
  const rgCount = Number(rg.stdout.trim());
  const oursRate = size / (oursMs / 1000);
  const rgRate = size / (rg.ms / 1000);
  rows.push({
    section: 'b. log scan', name: `occurrences in a ${size.toFixed(0)} MB access/JSON log vs rg -c`,
    ours: `${oursRate.toFixed(0)} MB/s, ${count} occurrences`, peer: `${rgRate.toFixed(0)} MB/s, ${rgCount} lines`,
    ratio: `${((oursRate / rgRate) * 100).toFixed(0)}% of ripgrep`, budget: '≥ 25% of ripgrep', ok: oursRate >= 0.25 * rgRate,
  });
}

/**
 * The command line on a log of the formats users read (test/bench/generate.ts realFormatLog), streamed as users run
 * it: CPU time of `lts-status scan` (JSON of every occurrence to /dev/null) against `rg -c` with one pattern for the
 * status shapes of those formats, and the peak memory of ours (GNU time's maximum resident set size).
 */
function logScanCli(): void {
  const megabytes = quick ? 50 : 200;
  const file = cached(`real-${megabytes}.log`, (target) => {
    const fd = fs.openSync(target, 'w');
    realFormatLog(megabytes * 1024 * 1024, (chunk) => fs.writeSync(fd, chunk));
    fs.closeSync(fd);
  });
  const size = fs.statSync(file).size / 1048576;
  const timed = (cmd: string, args: readonly string[]) => {
    const runs: { cpu: number; rss: number; wall: number }[] = [];
    for (let i = 0; i < (quick ? 1 : 3); i++) {
      const start = performance.now();
      const result = spawnSync('/usr/bin/time', ['-f', '%U %S %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'pipe'] });
      const wall = performance.now() - start;
      const last = result.stderr.trim().split('\n').pop() ?? '';
      const [user, sys, rss] = last.split(' ').map(Number);
      if (result.status !== 0 && result.status !== 1) throw new Error(`${cmd} failed (${result.status}): ${result.stderr.slice(-500)}`);
      runs.push({ cpu: (user + sys) * 1000, rss: rss / 1024, wall });
    }
    const byCpu = [...runs].sort((a, b) => a.cpu - b.cpu)[Math.floor(runs.length / 2)];
    return { ...byCpu, rss: Math.max(...runs.map((run) => run.rss)) };
  };
  const ours = timed(process.execPath, [path.join(repoRoot, 'dist/cli.js'), 'scan', file]);
  const rg = timed('rg', ['-c', '[" =:\\[]([1-5][0-9]{2})[ ,}\\]]', file]);
  const oursRate = size / (ours.cpu / 1000);
  const rgRate = size / (rg.cpu / 1000);
  const section = 'b. log scan';
  rows.push({
    section, name: `lts-status scan of a ${size.toFixed(0)} MB log of real formats vs rg -c (CPU time)`,
    ours: `${oursRate.toFixed(0)} MB/s (wall ${ms(ours.wall)} ms)`, peer: `${rgRate.toFixed(0)} MB/s (wall ${ms(rg.wall)} ms)`,
    ratio: `${((oursRate / rgRate) * 100).toFixed(1)}% of ripgrep`, budget: '≥ 25% of ripgrep', ok: oursRate >= 0.25 * rgRate,
  });
  rows.push({ section, name: `peak memory of that scan (${size.toFixed(0)} MB)`, ours: `${ours.rss.toFixed(0)} MB`, peer: `${rg.rss.toFixed(0)} MB`, budget: '≤ 300 MB', ok: ours.rss <= 300 });
}

// ---- (c) editor paths, in process ----------------------------------------------------------------------------------
async function editorPaths(engine: CodeEngine): Promise<void> {
  const section = 'c. editor paths';
  const repeat = quick ? 200 : 2000;
  // Code: the editor keeps each document's analysis; hover and inlay hints look up the requested position or range.
  for (const lines of [200, 5000]) {
    const spec = languageForPath('handlers.ts')!;
    const text = sourceFile('typescript', lines);
    const { occurrences } = await engine.analyze(text, spec);
    const middle = Math.floor(text.split('\n').length / 2);
    const target = occurrences[Math.floor(occurrences.length / 2)]?.range.start ?? { line: middle, character: 0 };
    const hover = await time(() => occurrences.find((o) => contains(o, target)), repeat);
    rows.push({ section, name: `hover, ${lines}-line TypeScript file`, ours: pcts(hover), budget: 'p99 < 1 ms', ok: percentile(hover, 99) < 1 });
    const inlay = await time(() => occurrences.filter((o) => o.range.start.line >= middle && o.range.start.line < middle + 200), repeat);
    rows.push({ section, name: `inlay hints, 200 lines of a ${lines}-line TypeScript file`, ours: pcts(inlay), budget: 'p99 < 3 ms', ok: percentile(inlay, 99) < 3 });

    const session = engine.session(spec);
    const full = await time(async () => { await session.update(text); }, quick ? 5 : 20);
    rows.push({ section, name: `diagnostics, whole ${lines}-line TypeScript file`, ours: pcts(full), budget: '—', ok: true });
    // After an edit: a character typed inside a handler, the way diagnostics run while someone types.
    let current = text;
    const at = current.indexOf('res.status(', Math.floor(current.length / 2));
    const edits = await time(async () => {
      const lineIndex = new LineIndex(current);
      const p = lineIndex.position(at);
      current = `${current.slice(0, at)} ${current.slice(at)}`;
      await session.update(current, textChange(at, at, ' ', { row: p.line, column: p.character }, { row: p.line, column: p.character }));
    }, quick ? 10 : 50);
    const budgeted = lines === 5000;
    rows.push({
      section, name: `diagnostics after an edit, ${lines}-line TypeScript file (incremental)`, ours: pcts(edits),
      budget: budgeted ? 'p95 < 30 ms' : '—', ok: !budgeted || percentile(edits, 95) < 30,
    });
    session.dispose();
  }
  // Logs: hover reads one line, inlay hints the requested range; neither may depend on the file size.
  for (const megabytes of [1, 50]) {
    const lines = accessLog(megabytes * 1024 * 1024);
    const middle = Math.floor(lines.length / 2);
    const hover = await time(() => scanLine(lines[middle], middle), repeat);
    rows.push({ section, name: `hover, ${megabytes} MB log (${lines.length} lines)`, ours: pcts(hover), budget: 'p99 < 1 ms', ok: percentile(hover, 99) < 1 });
    const inlay = await time(() => scanLines((line) => lines[line], middle, middle + 199), repeat);
    rows.push({ section, name: `inlay hints, 200 lines of a ${megabytes} MB log`, ours: pcts(inlay), budget: 'p99 < 3 ms', ok: percentile(inlay, 99) < 3 });
  }
  // Large and hostile inputs (issue: analysed without error, in bounded time).
  const js = minifiedJs(5 * 1024 * 1024);
  let jsFindings = 0;
  let jsSkipped: string | undefined;
  const jsRuns = await time(async () => {
    const result = await analyzeDocument(engine, js, { kind: 'code', spec: languageForPath('bundle.min.js')! });
    jsFindings = result.findings.length;
    jsSkipped = result.skipped;
  }, quick ? 1 : 3);
  rows.push({
    section, name: 'diagnostics, 5 MB single-line minified JavaScript',
    ours: `${pcts(jsRuns)}, ${jsFindings} findings${jsSkipped ? ` (skipped: ${jsSkipped})` : ''}`, budget: '< 5 s', ok: percentile(jsRuns, 95) < 5000,
  });
  const py = pythonModule(50_000);
  let pyFindings = 0;
  const pyRuns = await time(async () => {
    pyFindings = (await analyzeDocument(engine, py, { kind: 'code', spec: languageForPath('app.py')! })).findings.length;
  }, quick ? 1 : 3);
  rows.push({ section, name: 'diagnostics, 50,000-line Python module', ours: `${pcts(pyRuns)}, ${pyFindings} findings`, budget: '< 3 s', ok: percentile(pyRuns, 95) < 3000 });
}

function contains(o: Occurrence, at: { line: number; character: number }): boolean {
  return o.range.start.line === at.line && o.range.start.character <= at.character && at.character <= o.range.end.character;
}

// ---- (d) start-up and size ---------------------------------------------------------------------------------------
async function startupAndSize(): Promise<void> {
  const section = 'd. start-up and size';
  const bundle = path.join(repoRoot, 'dist/extension.js');
  const activation = activateWithStub(bundle);
  rows.push({
    section, name: 'cold activation (require + activate, stub vscode API)', ours: `${ms(activation.ms)} ms, ${activation.grammarReads} grammar files read`,
    budget: '< 30 ms, no grammar read', ok: activation.ms < 30 && activation.grammarReads === 0,
  });
  const jsSize = fs.statSync(bundle).size;
  rows.push({ section, name: 'JS bundle dist/extension.js', ours: `${(jsSize / 1024).toFixed(1)} KB`, budget: '< 200 KB', ok: jsSize < 200 * 1024 });
  for (const file of fs.readdirSync(path.join(repoRoot, 'dist/grammars')).sort()) {
    rows.push({ section, name: `grammar ${file}`, ours: `${(fs.statSync(path.join(repoRoot, 'dist/grammars', file)).size / 1024).toFixed(0)} KB`, budget: '—', ok: true });
  }
  const vsix = path.join(repoRoot, 'lts-status-codes.vsix');
  rows.push({
    section, name: 'VSIX (npm run package)',
    ours: fs.existsSync(vsix) ? `${(fs.statSync(vsix).size / 1048576).toFixed(2)} MB` : 'not built (run npm run package first)', budget: '—', ok: true,
  });
  // Memory: the engine with 20 documents analysed, five languages, as an extension host holds them.
  const engine = new CodeEngine(grammars);
  const before = process.memoryUsage();
  const sessions = [];
  for (let i = 0; i < 20; i++) {
    const [language, file] = [['typescript', 'a.ts'], ['python', 'a.py'], ['go', 'a.go'], ['java', 'a.java'], ['javascript', 'a.js']][i % 5];
    const session = engine.session(languageForPath(file)!);
    await session.update(sourceFile(language, 2000, i));
    sessions.push(session);
  }
  globalThis.gc?.();
  const after = process.memoryUsage();
  const grown = (after.heapUsed - before.heapUsed + after.arrayBuffers - before.arrayBuffers) / 1048576;
  rows.push({ section, name: 'heap + WebAssembly memory with 20 files open (2,000 lines each)', ours: `${grown.toFixed(1)} MB`, budget: '—', ok: true });
  for (const session of sessions) session.dispose();
}

const API_NAMES = [...new Set(walkSources(path.join(repoRoot, 'src/vscode'))
  .flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(/\bvscode\.([A-Za-z_$][\w$]*)/g)].map((m) => m[1])))];

function walkSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walkSources(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Loads the bundle with a do-nothing `vscode` module and times require + activate. */
function activateWithStub(bundle: string): { ms: number; grammarReads: number } {
  const stub: unknown = new Proxy(function () { /* any call */ }, {
    get: (_target, key) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => '' : stub),
    apply: () => stub,
    construct: () => stub as object,
    // Properties set on API objects (a language status item's `name`) are accepted and forgotten.
    set: () => true,
    defineProperty: () => true,
  });
  // The bundle copies the module's own properties (esbuild's CommonJS interop), so the API's names are listed:
  // every namespace and class the extension's sources touch (read from src/vscode).
  const api = Object.fromEntries(API_NAMES.map((name) => [name, stub]));
  const Module = require('module') as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = Module._load;
  Module._load = (request: string, ...rest: unknown[]) => (request === 'vscode' ? api : load(request, ...rest));
  let grammarReads = 0;
  const nodeFs = require('fs') as Record<'readFile' | 'readFileSync', (...args: unknown[]) => unknown>;
  const originals = { readFile: nodeFs.readFile, readFileSync: nodeFs.readFileSync };
  for (const key of ['readFile', 'readFileSync'] as const) {
    nodeFs[key] = (file: unknown, ...rest: unknown[]) => {
      if (String(file).endsWith('.wasm')) grammarReads++;
      return originals[key](file, ...rest);
    };
  }
  try {
    const start = performance.now();
    const extension = require(bundle) as { activate(context: unknown): void };
    extension.activate({ subscriptions: [], extensionPath: repoRoot, extensionUri: stub });
    return { ms: performance.now() - start, grammarReads };
  } finally {
    Module._load = load;
    Object.assign(nodeFs, originals);
  }
}

function print(): void {
  const header = ['', 'case', 'ours', 'peer', 'ratio', 'budget', ''];
  const cells = rows.map((row) => [row.section, row.name, row.ours, row.peer ?? '', row.ratio ?? '', row.budget, row.ok ? 'ok' : 'OVER']);
  if (markdown) {
    console.log(`| ${header.slice(1).join(' | ')} |`);
    console.log(`|${header.slice(1).map(() => ' --- ').join('|')}|`);
    for (const cell of cells) console.log(`| ${cell.slice(1).join(' | ')} |`);
  } else {
    const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
    for (const cell of [header, ...cells]) console.log(cell.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd());
  }
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`\n${os.cpus().length} × ${cpu}, ${(os.totalmem() / 1073741824).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}${quick ? ' (quick)' : ''}`);
}

async function main(): Promise<number> {
  const engine = new CodeEngine(grammars);
  for (const file of ['a.ts', 'a.js', 'a.py']) await engine.analyze('res.status(200)', languageForPath(file)!);
  const part = (name: string) => !only || only === name;
  if (part('startup')) await startupAndSize();
  if (part('check')) {
    repositoryCheck('sparse');
    repositoryCheck('dense');
    await flowCost(engine);
  }
  if (part('logs')) {
    logScan();
    logScanCli();
  }
  if (part('editor')) await editorPaths(engine);
  print();
  return rows.every((row) => row.ok) ? 0 : 1;
}

main().then((code) => { process.exitCode = code; }, (error: unknown) => { console.error(error); process.exitCode = 2; });
