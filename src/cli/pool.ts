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
import { Rendered } from './output';

export interface WorkerSetup {
  readonly grammarDir: string;
  readonly allowedCodes: readonly number[];
  readonly timeoutMs: number;
  readonly occurrences: boolean;
  readonly deferWithoutSinks?: boolean;
  readonly findingsOnly?: boolean;
  readonly ungated?: boolean;
}

export type ToWorker = { readonly type: 'file'; readonly index: number; readonly file: FileEntry; readonly defer?: boolean } | { readonly type: 'ack' };

export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'chunk'; readonly index: number; readonly language: string; readonly rendered: Rendered }
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
/**
 * Files handed to a worker before it answers the first of them: the next file is already waiting in the worker when
 * it finishes one, instead of a round trip through this thread per file (about 0.5 ms, 8-10 % of a check's time in
 * the worker). The worker analyses them one at a time, in order.
 */
const PIPELINE_DEPTH = 2;

export interface PoolSink {
  /** A block of a log's occurrences, rendered (see ChunkSink); resolves when the worker may read on. */
  chunk(index: number, language: string, rendered: Rendered): Promise<void>;
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

/** How a batch of files is handed out (see {@link Pool.analyze}). */
export interface BatchOptions {
  /** Overrides AnalyzeSettings.deferWithoutSinks for this batch. */
  readonly defer?: boolean;
  /**
   * Files of one key (their language) go to the worker that already has that language compiled, so that each
   * language is compiled once per run rather than once per worker; the batch's outcomes are then kept unordered by
   * the caller (no window).
   */
  readonly affinity?: (file: FileEntry) => string;
}

/** Workers kept for several batches (the status-flow rounds), so that grammars are compiled once per run. */
export interface Pool {
  analyze(files: readonly FileEntry[], sink: PoolSink, batch?: BatchOptions): Promise<void>;
  close(): Promise<void>;
}

export function analyzeAll(files: readonly FileEntry[], options: PoolOptions, sink: PoolSink, batch: BatchOptions = {}): Promise<void> {
  if (files.length === 0) return Promise.resolve();
  const pool = openPool(options, files.length);
  return pool.analyze(files, sink, batch).finally(() => pool.close());
}

/** A pool for up to `expected` files (fewer workers for few files); in this thread without a worker script. */
export function openPool(options: PoolOptions, expected: number): Pool {
  if (!options.workerScript || !options.grammarDir) return new ThreadPool(options);
  return new WorkerPool(options, options.workerScript, options.grammarDir, expected);
}

class ThreadPool implements Pool {
  private engine: CodeEngine;

  constructor(private readonly options: PoolOptions) {
    this.engine = new CodeEngine(options.grammars);
  }

  async analyze(files: readonly FileEntry[], sink: PoolSink, batch: BatchOptions = {}): Promise<void> {
    const settings = batch.defer === undefined ? this.options.settings : { ...this.options.settings, deferWithoutSinks: batch.defer };
    for (let index = 0; index < files.length && !this.options.signal?.aborted; index++) {
      const outcome = await analyzeFile(this.engine, files[index], settings, (language, rendered) => sink.chunk(index, language, rendered));
      await sink.done(index, outcome);
      // Best effort only: after a WebAssembly trap the module stays broken in this thread (hence the workers).
      if (outcome.restart) this.engine = new CodeEngine(this.options.grammars);
    }
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

interface Slot {
  worker?: Worker;
  ready: boolean;
  /** The files handed to the worker and not answered yet, in the order it takes them: it is on the first. */
  inFlight: number[];
  /** The watchdog, armed while the worker owes an answer. */
  timer?: NodeJS.Timeout;
  /** The affinity keys (languages) the worker has met: their grammars are compiled there. */
  keys: Set<string>;
}

interface Batch {
  readonly files: readonly FileEntry[];
  readonly sink: PoolSink;
  readonly options: BatchOptions;
  /** Indexes not started yet, ascending. */
  pending: number[];
  settled: number;
  finished: boolean;
  resolve(): void;
  reject(error: Error): void;
}

class WorkerPool implements Pool {
  private readonly slots: Slot[];
  private readonly setup: WorkerSetup;
  /** Files may start this far past the first one not yet written (batches without affinity). */
  private readonly window: number;
  private batch: Batch | undefined;
  private closed = false;

  constructor(
    private readonly options: PoolOptions,
    private readonly script: string,
    grammarDir: string,
    expected: number,
  ) {
    const count = Math.max(1, Math.min(options.jobs, Math.ceil(expected / MIN_FILES_PER_WORKER)));
    this.slots = Array.from({ length: count }, () => ({ ready: false, inFlight: [], keys: new Set<string>() }));
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
    options.signal?.addEventListener('abort', () => this.finishBatch(), { once: true });
  }

  analyze(files: readonly FileEntry[], sink: PoolSink, options: BatchOptions = {}): Promise<void> {
    if (files.length === 0) return Promise.resolve();
    if (this.batch) return Promise.reject(new Error('one batch at a time'));
    return new Promise<void>((resolve, reject) => {
      this.batch = { files, sink, options, pending: files.map((_, i) => i), settled: 0, finished: false, resolve, reject };
      if (this.options.signal?.aborted || this.closed) return this.finishBatch();
      for (const slot of this.slots) {
        if (!slot.worker) this.spawn(slot);
        else this.feed(slot);
      }
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.finishBatch();
    const workers: Worker[] = [];
    for (const slot of this.slots) {
      this.disarm(slot);
      if (slot.worker) workers.push(slot.worker);
      slot.worker = undefined;
    }
    await Promise.all(workers.map((worker) => worker.terminate())).catch(() => undefined);
  }

  private spawn(slot: Slot): void {
    const worker = new Worker(this.script, { workerData: this.setup });
    slot.worker = worker;
    slot.ready = false;
    slot.keys = new Set();
    worker.on('message', (message: FromWorker) => {
      if (slot.worker === worker) this.onMessage(slot, worker, message);
    });
    // An uncaught error reaches this thread on a channel of its own, possibly before the answers the worker sent just
    // before it (a file done, then the next one crashing): the failure is handled at 'exit', after Node has delivered
    // those, so that it is pinned on the file the worker was on.
    let failure: string | undefined;
    worker.on('error', (error) => {
      failure ??= error.message;
    });
    worker.on('exit', (code) => {
      if (slot.worker === worker) this.onFailure(slot, failure ?? `the worker thread exited with code ${code}`);
    });
  }

  private onMessage(slot: Slot, worker: Worker, message: FromWorker): void {
    if (message.type === 'ready') {
      slot.ready = true;
      this.feed(slot);
      return;
    }
    const batch = this.batch;
    if (!batch || batch.finished) return;
    if (message.type === 'chunk') {
      this.disarm(slot);
      batch.sink.chunk(message.index, message.language, message.rendered).then(() => {
        if (slot.worker !== worker || batch.finished) return;
        this.arm(slot);
        worker.postMessage({ type: 'ack' } satisfies ToWorker);
        this.feedAll();
      }, (error: Error) => this.fail(error));
    } else {
      this.disarm(slot);
      const at = slot.inFlight.indexOf(message.index);
      if (at >= 0) slot.inFlight.splice(at, 1);
      this.settle(message.index, message.outcome);
      if (message.outcome.restart) this.replace(slot);
      else {
        if (slot.inFlight.length > 0) this.arm(slot);
        this.feed(slot);
      }
    }
  }

  private onFailure(slot: Slot, reason: string): void {
    if (!this.batch || this.batch.finished) return;
    if (!slot.ready) {
      this.fail(new Error(`cannot start a worker thread: ${reason}`));
      return;
    }
    const index = slot.inFlight.shift();
    this.disarm(slot);
    if (index !== undefined) this.settle(index, { skipped: `the analysis crashed (${reason})` });
    this.replace(slot);
  }

  private arm(slot: Slot): void {
    this.disarm(slot);
    slot.timer = setTimeout(() => {
      const index = slot.inFlight[0];
      slot.timer = undefined;
      if (index === undefined || !this.batch || this.batch.finished) return;
      slot.inFlight.shift();
      this.settle(index, { skipped: `the analysis did not finish within ${seconds(this.options.hardTimeoutMs)}` });
      this.replace(slot);
    }, this.options.hardTimeoutMs);
  }

  private disarm(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
  }

  /**
   * Terminates the slot's worker and starts a fresh one, if any file is left for it. The files it had not started go
   * back to the batch (the file it was on has been settled by the caller).
   */
  private replace(slot: Slot): void {
    const old = slot.worker;
    slot.worker = undefined;
    slot.ready = false;
    void old?.terminate();
    if (slot.inFlight.length > 0 && this.batch && !this.batch.finished) {
      this.batch.pending.push(...slot.inFlight);
      this.batch.pending.sort((a, b) => a - b);
    }
    slot.inFlight = [];
    if (this.batch && !this.batch.finished && this.batch.pending.length > 0) this.spawn(slot);
  }

  private feedAll(): void {
    for (const slot of this.slots) this.feed(slot);
  }

  /** Hands the slot's worker files until it holds PIPELINE_DEPTH of them (or the window or the batch ends). */
  private feed(slot: Slot): void {
    const batch = this.batch;
    while (batch && !batch.finished && slot.worker && slot.ready && slot.inFlight.length < PIPELINE_DEPTH && batch.pending.length > 0) {
      const at = batch.options.affinity ? this.pick(slot, batch, batch.options.affinity) : 0;
      const index = batch.pending[at];
      if (!batch.options.affinity && index >= batch.sink.head + this.window) return;
      batch.pending.splice(at, 1);
      slot.inFlight.push(index);
      if (slot.inFlight.length === 1) this.arm(slot);
      const message: ToWorker = { type: 'file', index, file: batch.files[index], ...(batch.options.defer !== undefined ? { defer: batch.options.defer } : {}) };
      slot.worker.postMessage(message);
    }
  }

  /**
   * The position in `pending` of the next file for a slot: one of a language the worker already knows; else the
   * language with the most files left that no other worker knows; else (at the end) the language with the most left.
   */
  private pick(slot: Slot, batch: Batch, keyOf: (file: FileEntry) => string): number {
    const counts = new Map<string, { count: number; first: number }>();
    for (let at = 0; at < batch.pending.length; at++) {
      const key = keyOf(batch.files[batch.pending[at]]);
      if (slot.keys.has(key)) return at;
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { count: 1, first: at });
    }
    const owned = (key: string) => this.slots.some((other) => other !== slot && other.keys.has(key));
    let best: [string, { count: number; first: number }] | undefined;
    for (const entry of counts) {
      const better = !best || (owned(best[0]) && !owned(entry[0])) || (owned(best[0]) === owned(entry[0]) && entry[1].count > best[1].count);
      if (better) best = entry;
    }
    slot.keys.add(best![0]);
    return best![1].first;
  }

  private settle(index: number, outcome: FileOutcome): void {
    const batch = this.batch!;
    batch.sink.done(index, outcome).then(() => {
      if (++batch.settled === batch.files.length) this.finishBatch();
      else this.feedAll();
    }, (error: Error) => this.fail(error));
  }

  /** Ends the batch; its workers stay for the next one (close() ends them). */
  private finishBatch(): void {
    const batch = this.batch;
    if (!batch || batch.finished) return;
    batch.finished = true;
    this.batch = undefined;
    for (const slot of this.slots) {
      // A worker still on a file of an aborted batch cannot be reused: its answer would belong to no batch.
      if (slot.inFlight.length > 0) {
        this.disarm(slot);
        slot.inFlight = [];
        const old = slot.worker;
        slot.worker = undefined;
        slot.ready = false;
        void old?.terminate();
      }
    }
    batch.resolve();
  }

  private fail(error: Error): void {
    const batch = this.batch;
    if (!batch || batch.finished) return;
    this.finishBatch();
    batch.reject(error);
  }
}
