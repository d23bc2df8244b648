/** Test helpers: the Node grammar loader, the documentation tables (test/reference/) and fixture expectations. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CodeEngine, GrammarLoader } from '../../src/core';

export const repoRoot = path.resolve(__dirname, '../../..');

/** A table of the LTS documentation, as kept in test/reference/ (see its README for the source). */
export function docsTable(file: string): string {
  return fs.readFileSync(path.join(repoRoot, 'test', 'reference', file), 'utf8');
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

/**
 * Mocha timeout for tests that load tree-sitter grammars or run the CLI over many files. Compiling a grammar's
 * WebAssembly (0.2-5 MB each) takes seconds on a busy 2-core machine, far over mocha's 2 s default; these tests check
 * results, never speed (speed lives in `npm run bench`), so the limit only has to catch a hang.
 */
export const ENGINE_TEST_TIMEOUT_MS = 120_000;

const madeDirs: string[] = [];

/**
 * A new empty temporary folder, removed when the test process exits (set LTS_KEEP_TEMP=1 to keep them for a look):
 * a run of the suite leaves nothing in the system's temporary folder.
 */
export function tempDir(prefix = 'lts-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  if (madeDirs.length === 0 && !process.env.LTS_KEEP_TEMP) {
    process.once('exit', () => {
      for (const made of madeDirs) fs.rmSync(made, { recursive: true, force: true, maxRetries: 2 });
    });
  }
  madeDirs.push(dir);
  return dir;
}

/** A temporary folder holding `files` (relative path → content), for tests that walk or read a tree. */
export function tempTree(files: Record<string, string | Buffer>): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** What the CLI wrote, as text (a log's occurrences come as UTF-8 bytes). */
export function asText(written: string | Uint8Array): string {
  return typeof written === 'string' ? written : Buffer.from(written.buffer, written.byteOffset, written.byteLength).toString('utf8');
}
