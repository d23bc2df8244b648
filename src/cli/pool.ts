/**
 * Runs the analysis of a file list in worker threads, isolated and watched:
 * - Every file is analysed in a worker, even with `--jobs 1` or one file, because a file can break the engine for
 *   the whole thread (a WebAssembly trap poisons the module: afterwards even `new Parser()` fails, and a fresh
 *   CodeEngine in the same thread does not recover) and only a thread can be stopped in the middle of a
 *   synchronous parse or query.
 * - The main thread watches each worker: when one stays silent on a file longer than the hard limit it is
 *   terminated and replaced, and the file is reported as skipped. A worker whose analysis threw or hit the engine's
 *   own deadline is replaced too, so the next file always meets a fresh WebAssembly instance.
 * - Outcomes go to a sink that writes them in file order; files start at most a window ahead of the first one not
 *   yet written, and a log's blocks wait for the sink's acknowledgement, so memory stays bounded.
 * Without a worker script (tests calling `run` directly), files are analysed one by one in the calling thread.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { CodeEngine, GrammarLoader } from '../core';
import { analyzeFile, AnalyzeSettings, FileOutcome, seconds } from './analyze';
import { FileEntry } from './files';

export interface WorkerSetup {
  readonly grammarDir: string;
  readonly allowedCodes: readonly number[];
  readonly timeoutMs: number;
  readonly occurrences: boolean;
  readonly deferWithoutSinks?: boolean;
  readonly findingsOnly?: boolean;
  readonly ungated?: boolean;
}

export type ToWorker = { readonly type: 'file'; readonly index: number; readonly file: FileEntry } | { readonly type: 'ack' };

export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'chunk'; readonly index: number; readonly language: string; readonly rendered: string }
  | { readonly type: 'done'; readonly index: number; readonly outcome: FileOutcome };

/** The grammars in `dir` (dist/grammars) and the queries beside it (dist/queries). */
export function grammarsIn(dir: string): GrammarLoader {
  return {
    runtimeLocation: () => path.join(dir, 'tree-sitter.wasm'),
    grammar: async (name) => path.join(dir, `tree-sitter-${name}.wasm`),
    query: (file) => fs.promises.readFile(path.join(dir, '..', 'queries', file), 'utf8'),
  };
}

/** Below this many files per worker another worker's start-up costs more than it saves. */
const MIN_FILES_PER_WORKER = 8;

export interface PoolSink {
  /** A block of a log's occurrences, rendered (see ChunkSink); resolves when the worker may read on. */
  chunk(index: number, language: string, rendered: string): Promise<void>;
  /** The outcome of a file; resolves once it is written or queued. */
  done(index: number, outcome: FileOutcome): Promise<void>;
  /** The first file whose outcome is not written yet. */
  readonly head: number;
}

export interface PoolOptions {
  readonly jobs: number;
  /** dist/cli-worker.js; without it (or grammarDir) files are analysed in this thread, without a hard limit. */
  readonly workerScript?: string;
  readonly grammarDir?: string;
  readonly grammars: GrammarLoader;
  readonly settings: AnalyzeSettings;
  /** A worker silent this long on one file is terminated and replaced; the file is reported as skipped. */
  readonly hardTimeoutMs: number;
  /** Stops the run: no file is started after it fires, and the workers are terminated. */
  readonly signal?: AbortSignal;
}

export function analyzeAll(files: readonly FileEntry[], options: PoolOptions, sink: PoolSink): Promise<void> {
  if (files.length === 0) return Promise.resolve();
  if (!options.workerScript || !options.grammarDir) return analyzeInThread(files, options, sink);
  return new WorkerPool(files, options, sink, options.workerScript, options.grammarDir).run();
}

async function analyzeInThread(files: readonly FileEntry[], options: PoolOptions, sink: PoolSink): Promise<void> {
  let engine = new CodeEngine(options.grammars);
  for (let index = 0; index < files.length && !options.signal?.aborted; index++) {
    const outcome = await analyzeFile(engine, files[index], options.settings, (language, rendered) => sink.chunk(index, language, rendered));
    await sink.done(index, outcome);
    // Best effort only: after a WebAssembly trap the module stays broken in this thread (hence the workers).
    if (outcome.restart) engine = new CodeEngine(options.grammars);
  }
}

interface Slot {
  worker?: Worker;
  ready: boolean;
  /** The file the worker is on. */
  index?: number;
  /** The watchdog, armed while the worker owes an answer. */
  timer?: NodeJS.Timeout;
}

class WorkerPool {
  private next = 0;
  private settled = 0;
  private finished = false;
  private readonly slots: Slot[];
  private readonly setup: WorkerSetup;
  /** Files may start this far past the first one not yet written. */
  private readonly window: number;
  private resolve!: () => void;
  private reject!: (error: Error) => void;

  constructor(
    private readonly files: readonly FileEntry[],
    private readonly options: PoolOptions,
    private readonly sink: PoolSink,
    private readonly script: string,
    grammarDir: string,
  ) {
    const count = Math.max(1, Math.min(options.jobs, Math.ceil(files.length / MIN_FILES_PER_WORKER)));
    this.slots = Array.from({ length: count }, () => ({ ready: false }));
    this.window = Math.max(16, 4 * count);
    this.setup = {
      grammarDir,
      allowedCodes: [...options.settings.allowedCodes],
      timeoutMs: options.settings.timeoutMs,
      occurrences: options.settings.occurrences,
      deferWithoutSinks: options.settings.deferWithoutSinks,
      findingsOnly: options.settings.findingsOnly,
      ungated: options.settings.ungated,
    };
  }

  run(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
      if (this.options.signal?.aborted) return this.finish();
      this.options.signal?.addEventListener('abort', () => this.finish(), { once: true });
      for (const slot of this.slots) this.spawn(slot);
    });
  }

  private spawn(slot: Slot): void {
    const worker = new Worker(this.script, { workerData: this.setup });
    slot.worker = worker;
    slot.ready = false;
    worker.on('message', (message: FromWorker) => {
      if (slot.worker === worker) this.onMessage(slot, worker, message);
    });
    worker.on('error', (error) => {
      if (slot.worker === worker) this.onFailure(slot, error.message);
    });
    worker.on('exit', (code) => {
      if (slot.worker === worker) this.onFailure(slot, `the worker thread exited with code ${code}`);
    });
  }

  private onMessage(slot: Slot, worker: Worker, message: FromWorker): void {
    if (this.finished) return;
    if (message.type === 'ready') {
      slot.ready = true;
      this.feed(slot);
    } else if (message.type === 'chunk') {
      this.disarm(slot);
      this.sink.chunk(message.index, message.language, message.rendered).then(() => {
        if (slot.worker !== worker || this.finished) return;
        this.arm(slot);
        worker.postMessage({ type: 'ack' } satisfies ToWorker);
        this.feedAll();
      }, (error: Error) => this.fail(error));
    } else {
      this.disarm(slot);
      slot.index = undefined;
      this.settle(message.index, message.outcome);
      if (message.outcome.restart) this.replace(slot);
      else this.feed(slot);
    }
  }

  private onFailure(slot: Slot, reason: string): void {
    if (this.finished) return;
    if (!slot.ready) {
      this.fail(new Error(`cannot start a worker thread: ${reason}`));
      return;
    }
    const index = slot.index;
    this.disarm(slot);
    slot.index = undefined;
    if (index !== undefined) this.settle(index, { skipped: `the analysis crashed (${reason})` });
    this.replace(slot);
  }

  private arm(slot: Slot): void {
    this.disarm(slot);
    slot.timer = setTimeout(() => {
      const index = slot.index;
      slot.timer = undefined;
      if (index === undefined || this.finished) return;
      slot.index = undefined;
      this.settle(index, { skipped: `the analysis did not finish within ${seconds(this.options.hardTimeoutMs)}` });
      this.replace(slot);
    }, this.options.hardTimeoutMs);
  }

  private disarm(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
  }

  /** Terminates the slot's worker and starts a fresh one, if any file is left for it. */
  private replace(slot: Slot): void {
    const old = slot.worker;
    slot.worker = undefined;
    slot.ready = false;
    void old?.terminate();
    if (this.next < this.files.length) this.spawn(slot);
  }

  private feedAll(): void {
    for (const slot of this.slots) this.feed(slot);
  }

  private feed(slot: Slot): void {
    if (this.finished || !slot.worker || !slot.ready || slot.index !== undefined) return;
    if (this.next >= this.files.length || this.next >= this.sink.head + this.window) return;
    const index = this.next++;
    slot.index = index;
    this.arm(slot);
    slot.worker.postMessage({ type: 'file', index, file: this.files[index] } satisfies ToWorker);
  }

  private settle(index: number, outcome: FileOutcome): void {
    this.sink.done(index, outcome).then(() => {
      if (++this.settled === this.files.length) this.finish();
      else this.feedAll();
    }, (error: Error) => this.fail(error));
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    const workers: Worker[] = [];
    for (const slot of this.slots) {
      this.disarm(slot);
      if (slot.worker) workers.push(slot.worker);
      slot.worker = undefined;
    }
    Promise.all(workers.map((worker) => worker.terminate())).then(() => this.resolve(), () => this.resolve());
  }

  private fail(error: Error): void {
    if (this.finished) return;
    this.finish();
    this.reject(error);
  }
}
