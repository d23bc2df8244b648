/** Test helpers: the Node grammar loader, the shared reference data and fixture expectations. */
import * as fs from 'fs';
import * as path from 'path';
import { CodeEngine, GrammarLoader } from '../../src/core';

export const repoRoot = path.resolve(__dirname, '../../..');

/** `../shared/data` beside the checkout (CI lays a copy there); LTS_SHARED_DATA overrides. */
export function sharedData(file: string): string {
  const dir = process.env.LTS_SHARED_DATA ?? path.resolve(repoRoot, '..', 'shared', 'data');
  const full = path.join(dir, file);
  if (!fs.existsSync(full)) throw new Error(`Reference data ${full} not found; set LTS_SHARED_DATA to the folder holding ${file}.`);
  return fs.readFileSync(full, 'utf8');
}

export function readTsv(text: string): Record<string, string>[] {
  const [header, ...rows] = text.split(/\r?\n/).filter((line) => line.length > 0);
  const keys = header.split('\t');
  return rows.map((row) => Object.fromEntries(row.split('\t').map((value, i) => [keys[i], value])));
}

const wasmDir = path.dirname(require.resolve('@vscode/tree-sitter-wasm'));
export const nodeGrammars: GrammarLoader = {
  runtimeLocation: () => path.join(wasmDir, 'tree-sitter.wasm'),
  grammar: async (name) => path.join(wasmDir, `tree-sitter-${name}.wasm`),
};

let engine: CodeEngine | undefined;
export function sharedEngine(): CodeEngine {
  engine ??= new CodeEngine(nodeGrammars);
  return engine;
}

export function fixture(...parts: string[]): string {
  return path.join(repoRoot, 'test', 'fixtures', ...parts);
}

/**
 * Expectations written on the line itself after `expect:`: space-separated tokens (`429`, `handler:409@name`);
 * a handler name may contain spaces (`handler:400@GET /groups/:id`).
 */
export function expectations(text: string): Map<number, string[]> {
  const byLine = new Map<number, string[]>();
  text.split('\n').forEach((line, index) => {
    const match = /expect:\s*(.*)$/.exec(line);
    if (match) byLine.set(index, match[1].trim().split(/\s+(?=\S+:\d|\d)/).filter(Boolean));
  });
  return byLine;
}
