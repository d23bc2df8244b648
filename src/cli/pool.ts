/**
 * Spreads a file list over worker threads (one engine each) and returns the outcomes in the list's order.
 * With one job, or few files, everything runs in the calling thread; the results are the same either way.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { CodeEngine, GrammarLoader } from '../core';
import { analyzeFile, FileOutcome } from './analyze';
import { FileEntry } from './files';

export interface WorkerSetup {
  readonly grammarDir: string;
  readonly allowedCodes: readonly number[];
}

export interface WorkerRequest {
  readonly id: number;
  readonly file: FileEntry;
}

export interface WorkerResponse {
  readonly id: number;
  readonly outcome: FileOutcome;
}

/** The grammars in `dir` (dist/grammars) and the queries beside it (dist/queries). */
export function grammarsIn(dir: string): GrammarLoader {
  return {
    runtimeLocation: () => path.join(dir, 'tree-sitter.wasm'),
    grammar: async (name) => path.join(dir, `tree-sitter-${name}.wasm`),
    query: (file) => fs.promises.readFile(path.join(dir, '..', 'queries', file), 'utf8'),
  };
}

/** Below this many files a worker's start-up costs more than it saves. */
const MIN_FILES_PER_WORKER = 8;
/** Requests in flight per worker, so that none waits for the main thread between files. */
const IN_FLIGHT = 2;

export interface PoolOptions {
  readonly jobs: number;
  /** dist/cli-worker.js; without it everything runs in this thread. */
  readonly workerScript?: string;
  readonly grammarDir?: string;
  readonly grammars: GrammarLoader;
  readonly allowedCodes: ReadonlySet<number>;
  readonly onOutcome?: (outcome: FileOutcome) => void;
}

export async function analyzeAll(files: readonly FileEntry[], options: PoolOptions): Promise<FileOutcome[]> {
  const workers = Math.min(options.jobs, Math.floor(files.length / MIN_FILES_PER_WORKER));
  if (workers <= 1 || !options.workerScript || !options.grammarDir) {
    const engine = new CodeEngine(options.grammars);
    const outcomes: FileOutcome[] = [];
    for (const file of files) outcomes.push(await analyzeFile(engine, file, options.allowedCodes));
    return outcomes;
  }
  const outcomes: FileOutcome[] = new Array(files.length);
  let next = 0;
  const setup: WorkerSetup = { grammarDir: options.grammarDir, allowedCodes: [...options.allowedCodes] };
  const run = (worker: Worker) => new Promise<void>((resolve, reject) => {
    let pending = 0;
    const feed = () => {
      while (pending < IN_FLIGHT && next < files.length) {
        const id = next++;
        pending++;
        worker.postMessage({ id, file: files[id] } satisfies WorkerRequest);
      }
      if (pending === 0) resolve();
    };
    worker.on('message', (response: WorkerResponse) => {
      outcomes[response.id] = response.outcome;
      pending--;
      feed();
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (pending > 0) reject(new Error(`a worker stopped (exit code ${code}) with ${pending} files unfinished`));
    });
    feed();
  });
  const pool = Array.from({ length: workers }, () => new Worker(options.workerScript!, { workerData: setup }));
  try {
    await Promise.all(pool.map(run));
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  return outcomes;
}
