/**
 * The host side of an engine worker: a queue of analyses (the editor's before background ones), one in flight, a
 * watchdog, and a fresh worker after a crash or a deadline. Nothing that happens in the engine can block the extension
 * host or outlive one document: the culprit is reported as skipped (and retried only once it changes), every other
 * request is handed to the new worker.
 *
 * The transport is pluggable: a Node worker thread on the desktop; a Web Worker in a browser; where neither can be
 * created, the engine runs in the host itself (no isolation, only the engine's own deadline).
 */
import { AnalyzeRequest, CodeAnalysis, EngineRequest, EngineResponse, Logger } from '../core';

/** How a host reaches one engine instance. `terminate` ends it for good; the client then makes a new one. */
export interface EngineTransport {
  post(request: EngineRequest): void;
  terminate(): void;
}

export interface TransportHandlers {
  message(response: EngineResponse): void;
  /** The engine ended on its own (crashed, or its thread exited). */
  exit(reason: string): void;
}

export type TransportFactory = (handlers: TransportHandlers) => EngineTransport;

export type AnalyzeParams = Omit<AnalyzeRequest, 'type' | 'id' | 'timeoutMs'> & {
  /** Shown in the log when the document is skipped. */
  readonly label: string;
};

export type Priority = 'editor' | 'background';

export interface EngineLimits {
  /** The engine's own deadline for one analysis (parse, queries and walks). */
  readonly analysisMs: number;
  /** The watchdog: the worker is replaced when an analysis has run this long after it began. */
  readonly hardMs: number;
  /** A worker that has not begun an analysis this long after it was sent (grammar loading included) is replaced. */
  readonly startMs: number;
}

/** A prepare request is taken as done after this long, answered or not. */
const PREPARE_WAIT_MS = 30_000;

export const DEFAULT_LIMITS: EngineLimits = { analysisMs: 1500, hardMs: 4000, startMs: 120_000 };

export interface EngineClientOptions {
  /** Ends the worker after this long without work (its compiled grammars go with it); the next request starts one. */
  readonly idleMs?: number;
}

export interface SkippedDocument {
  readonly label: string;
  readonly reason: 'timeout' | 'crashed';
  readonly detail: string;
}

interface Job {
  readonly params: AnalyzeParams;
  readonly priority: Priority;
  readonly waiters: Array<(analysis: CodeAnalysis) => void>;
}

interface InFlight {
  readonly id: number;
  readonly job: Job;
  timer: ReturnType<typeof setTimeout>;
  begun: boolean;
}

export class EngineClient {
  private transport: EngineTransport | undefined;
  private readonly queue: Job[] = [];
  private inFlight: InFlight | undefined;
  private nextId = 1;
  /** Prepare requests waiting for their `prepared` answer. */
  private readonly preparing = new Map<number, () => void>();
  private generation = 0;
  private disposed = false;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  /** How many workers were replaced (for the log and tests). */
  restarts = 0;

  constructor(
    private readonly createTransport: TransportFactory,
    private readonly logger: Logger,
    private readonly onSkipped: (skipped: SkippedDocument) => void = () => {},
    private limits: EngineLimits = DEFAULT_LIMITS,
    private readonly options: EngineClientOptions = {},
  ) {}

  /** Changes the limits for the analyses sent from now on. */
  setLimits(limits: EngineLimits): void {
    this.limits = limits;
  }

  /**
   * Analyses a document. Never rejects: a document that crashes the engine or exceeds the deadline resolves as
   * skipped (`timeout` or `crashed`). A newer request of the same key replaces one that has not started yet.
   */
  analyze(params: AnalyzeParams, priority: Priority = 'editor'): Promise<CodeAnalysis> {
    if (this.disposed) return Promise.resolve({ occurrences: [], skipped: 'crashed' });
    return new Promise((resolve) => {
      const queued = params.key === undefined ? -1 : this.queue.findIndex((job) => job.params.key === params.key);
      if (queued >= 0) {
        // The older version is stale: whoever waits for it gets the newer result.
        const old = this.queue[queued];
        this.queue.splice(queued, 1);
        this.enqueue({ params, priority: priority === 'editor' || old.priority === 'editor' ? 'editor' : 'background', waiters: [...old.waiters, resolve] });
      } else {
        this.enqueue({ params, priority, waiters: [resolve] });
      }
      this.pump();
    });
  }

  /** The document closed: its session in the worker can go. */
  forget(key: string): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const job = this.queue[i];
      if (job.params.key !== key) continue;
      this.queue.splice(i, 1);
      for (const resolve of job.waiters) resolve({ occurrences: [] });
    }
    this.transport?.post({ type: 'forget', key });
  }

  dispose(): void {
    this.disposed = true;
    this.settlePrepared();
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.inFlight) clearTimeout(this.inFlight.timer);
    const waiting = [...this.queue, ...(this.inFlight ? [this.inFlight.job] : [])];
    this.queue.length = 0;
    this.inFlight = undefined;
    this.transport?.terminate();
    this.transport = undefined;
    for (const job of waiting) for (const resolve of job.waiters) resolve({ occurrences: [], skipped: 'crashed' });
  }

  private enqueue(job: Job): void {
    if (job.priority === 'background') {
      this.queue.push(job);
      return;
    }
    const firstBackground = this.queue.findIndex((queued) => queued.priority === 'background');
    this.queue.splice(firstBackground < 0 ? this.queue.length : firstBackground, 0, job);
  }

  private pump(): void {
    if (this.inFlight || this.disposed) return;
    const job = this.queue.shift();
    if (!job) {
      this.idleSoon();
      return;
    }
    const transport = this.ensureTransport();
    const id = this.nextId++;
    const { label: _label, ...params } = job.params;
    this.inFlight = {
      id,
      job,
      begun: false,
      timer: setTimeout(() => this.abandon('timeout', `did not start within ${this.limits.startMs / 1000} s`), this.limits.startMs),
    };
    transport.post({ type: 'analyze', id, timeoutMs: this.limits.analysisMs, ...params });
  }

  /**
   * Starts the engine and compiles these languages (`LanguageSpec.id`) before any document asks for them; with none,
   * only starts the engine (its runtime loads while the editor gets ready).
   */
  prepare(languages: readonly string[]): Promise<void> {
    if (this.disposed) return Promise.resolve();
    const id = this.nextId++;
    return new Promise<void>((resolve) => {
      // Whatever happens to the worker, the caller waits no longer than this.
      const timer = setTimeout(() => this.settlePrepared(id), PREPARE_WAIT_MS);
      this.preparing.set(id, () => {
        clearTimeout(timer);
        resolve();
      });
      try {
        this.ensureTransport().post({ type: 'prepare', languages, id });
      } catch {
        // Nothing is lost: the first analysis starts the engine again and says what went wrong.
        this.settlePrepared(id);
      }
    });
  }

  private settlePrepared(id?: number): void {
    for (const [key, resolve] of [...this.preparing]) {
      if (id !== undefined && key !== id) continue;
      this.preparing.delete(key);
      resolve();
    }
  }

  /** With `idleMs`: the worker ends once nothing has come for that long. */
  private idleSoon(): void {
    const idleMs = this.options.idleMs;
    if (idleMs === undefined || !this.transport) return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      if (this.inFlight || this.queue.length > 0 || !this.transport) return;
      this.generation++;
      this.transport.terminate();
      this.transport = undefined;
    }, idleMs);
  }

  private ensureTransport(): EngineTransport {
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = undefined;
    }
    if (this.transport) return this.transport;
    const generation = ++this.generation;
    this.transport = this.createTransport({
      message: (response) => {
        if (generation === this.generation) this.receive(response);
      },
      exit: (reason) => {
        if (generation !== this.generation) return;
        this.transport = undefined;
        this.settlePrepared();
        if (this.inFlight) this.abandon('crashed', reason, false);
      },
    });
    return this.transport;
  }

  private receive(response: EngineResponse): void {
    if (response.type === 'log') {
      this.logger[response.level](response.message);
      return;
    }
    if (response.type === 'prepared') {
      this.settlePrepared(response.id);
      return;
    }
    const current = this.inFlight;
    if (!current || response.id !== current.id) return;
    switch (response.type) {
      case 'begin':
        clearTimeout(current.timer);
        current.begun = true;
        current.timer = setTimeout(() => this.abandon('timeout', `ran longer than ${this.limits.hardMs} ms`), this.limits.hardMs);
        return;
      case 'result':
        // The engine stopped at its own deadline: the worker is fine, the document is skipped all the same.
        if (response.analysis.skipped === 'timeout') this.reportSkipped('timeout', `over the ${this.limits.analysisMs} ms time limit`, false);
        this.finish(response.analysis);
        return;
      case 'error':
        if (response.fatal) {
          this.abandon('crashed', response.message);
        } else {
          this.logger.error(`Analysing ${current.job.params.label} failed: ${response.message}`);
          this.finish({ occurrences: [] });
        }
    }
  }

  private finish(analysis: CodeAnalysis): void {
    const current = this.inFlight;
    if (!current) return;
    clearTimeout(current.timer);
    this.inFlight = undefined;
    for (const resolve of current.job.waiters) resolve(analysis);
    this.pump();
  }

  /** Gives up on the analysis in flight: replaces the worker, reports the document as skipped, goes on. */
  private abandon(reason: 'timeout' | 'crashed', detail: string, terminate = true): void {
    const current = this.inFlight;
    if (!current) return;
    if (terminate) {
      this.generation++;
      this.transport?.terminate();
      this.transport = undefined;
    }
    this.restarts++;
    this.reportSkipped(reason, detail, true);
    this.finish({ occurrences: [], skipped: reason });
  }

  private reportSkipped(reason: 'timeout' | 'crashed', detail: string, restarted: boolean): void {
    const label = this.inFlight?.job.params.label ?? '';
    this.logger.warn(`${label}: skipped, the analysis ${reason === 'timeout' ? 'exceeded its time limit' : 'crashed the engine'} (${detail}).`
      + `${restarted ? ' The engine was restarted.' : ''} The file is analysed again once it changes.`);
    this.onSkipped({ label, reason, detail });
  }
}

/**
 * `primary` (a worker) until it cannot start an engine; from then on `fallback` (the engine in the host). A worker
 * "cannot start" when creating it throws, or when it ends before its first message (a host may refuse workers only
 * once the worker loads); what was posted to it is then handed to the fallback, so nothing is lost.
 */
export function withFallback(primary: TransportFactory | undefined, fallback: () => TransportFactory, logger: Logger): TransportFactory {
  let chosen: TransportFactory | undefined = primary ? undefined : fallback();
  const useFallback = (error: unknown) => {
    logger.error('The engine worker could not start; analysing in the extension host instead', error);
    chosen = fallback();
    return chosen;
  };
  return (handlers) => {
    if (chosen) return chosen(handlers);
    let started = false;
    let posted: EngineRequest[] = [];
    let current: EngineTransport;
    const wrapped: TransportHandlers = {
      message: (response) => {
        if (!started) {
          started = true;
          posted = [];
          chosen = primary;
        }
        handlers.message(response);
      },
      exit: (reason) => {
        if (started || chosen) {
          handlers.exit(reason);
          return;
        }
        current = useFallback(new Error(reason))(handlers);
        for (const request of posted) current.post(request);
        posted = [];
      },
    };
    try {
      current = primary!(wrapped);
    } catch (error) {
      return useFallback(error)(handlers);
    }
    return {
      post: (request) => {
        if (!started && !chosen) posted.push(request);
        current.post(request);
      },
      terminate: () => current.terminate(),
    };
  };
}
