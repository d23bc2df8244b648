/**
 * `npm run bench`: how long the engine takes on large and hostile inputs. Budgets live here, never in unit tests.
 * Prints one table; a row over its budget is marked and makes the run exit 1.
 */
import * as path from 'path';
import { analyzeDocument, CodeEngine, GrammarLoader, languageForPath, scanLine, scanLines } from '../../src/core';
import { accessLog, minifiedJs, pythonModule } from './generate';

const wasmDir = path.dirname(require.resolve('@vscode/tree-sitter-wasm'));
const grammars: GrammarLoader = {
  runtimeLocation: () => path.join(wasmDir, 'tree-sitter.wasm'),
  grammar: async (name) => path.join(wasmDir, `tree-sitter-${name}.wasm`),
};

interface Row { name: string; input: string; runs: number[]; budgetMs: number; note: string }

function percentile(values: number[], p: number): number {
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

async function main(): Promise<number> {
  const engine = new CodeEngine(grammars);
  const rows: Row[] = [];

  const js = minifiedJs(5 * 1024 * 1024);
  const jsSpec = languageForPath('bundle.min.js')!;
  await engine.analyze('res.status(200)', jsSpec); // grammar load is measured separately, not here
  let jsFindings = 0;
  rows.push({
    name: 'diagnostics, 5 MB single-line minified JS', input: `${(js.length / 1048576).toFixed(1)} MB, 1 line`,
    runs: await time(async () => {
      jsFindings = (await analyzeDocument(engine, js, { kind: 'code', spec: jsSpec })).findings.length;
    }, 3),
    budgetMs: 5000, note: `${jsFindings} findings`,
  });

  const py = pythonModule(50_000);
  const pySpec = languageForPath('app.py')!;
  await engine.analyze('abort(404)', pySpec);
  let pyFindings = 0;
  rows.push({
    name: 'diagnostics, 50,000-line Python module', input: `${(py.length / 1048576).toFixed(1)} MB, 50,000 lines`,
    runs: await time(async () => {
      pyFindings = (await analyzeDocument(engine, py, { kind: 'code', spec: pySpec })).findings.length;
    }, 3),
    budgetMs: 3000, note: `${pyFindings} findings`,
  });

  // Logs: hover reads one line, inlay hints read the requested range; neither may depend on the file size.
  for (const megabytes of [1, 50]) {
    const lines = accessLog(megabytes * 1024 * 1024);
    const middle = Math.floor(lines.length / 2);
    rows.push({
      name: `hover in a ${megabytes} MB access log`, input: `${lines.length} lines`,
      runs: await time(() => scanLine(lines[middle], middle), 2000),
      budgetMs: 1, note: '',
    });
    rows.push({
      name: `inlay hints, 200 lines of a ${megabytes} MB log`, input: `${lines.length} lines`,
      runs: await time(() => scanLines((line) => lines[line], middle, middle + 199), 500),
      budgetMs: 3, note: '',
    });
  }

  const width = [42, 26, 10, 10, 13, 10];
  const header = ['case', 'input', 'p50 ms', 'p99 ms', 'budget (p99)', 'verdict'];
  console.log(header.map((h, i) => h.padEnd(width[i])).join(' '));
  let failed = false;
  for (const row of rows) {
    const p50 = percentile(row.runs, 50);
    const p99 = percentile(row.runs, 99);
    const ok = p99 <= row.budgetMs;
    failed ||= !ok;
    console.log([row.name, row.input, p50.toFixed(3), p99.toFixed(3), `${row.budgetMs} ms`, `${ok ? 'ok' : 'OVER'} ${row.note}`]
      .map((c, i) => c.padEnd(width[i])).join(' '));
  }
  console.log(`\nNode ${process.version}, ${process.platform} ${process.arch}, ${new Date().toISOString().slice(0, 10)}`);
  return failed ? 1 : 0;
}

main().then((code) => { process.exitCode = code; }, (error) => { console.error(error); process.exitCode = 2; });
