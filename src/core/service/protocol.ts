/**
 * The messages between a host (the extension) and an engine worker. Plain, structured-clone-safe data, shared by the
 * Node worker (worker_threads), a browser Web Worker and the in-process fallback, so every host speaks one protocol.
 */
import type { CodeAnalysis, TextChange } from '../code/engine';
import type { Logger } from '../types';

/** Analyse one document. With `key`, the worker keeps it parsed for the next request of that key (incremental). */
export interface AnalyzeRequest {
  readonly type: 'analyze';
  readonly id: number;
  /** The language (`LanguageSpec.id`). */
  readonly language: string;
  readonly text: string;
  /** A document identity (its URI) for an incremental session; absent for a one-off analysis. */
  readonly key?: string;
  /** The document version `text` is; with `change`, `change` turns `baseVersion` into it. */
  readonly version?: number;
  readonly baseVersion?: number;
  readonly change?: TextChange;
  /** The engine's own deadline for parse and queries (the host's watchdog is the hard limit behind it). */
  readonly timeoutMs: number;
  /** Parse even without a candidate (a file the status-flow index asks for by a name it mentions). */
  readonly ungated?: boolean;
}

/** Drop the session of a document (it closed). */
export interface ForgetRequest {
  readonly type: 'forget';
  readonly key: string;
}

/**
 * Load these languages' grammars now (at activation, for the documents already open); their status queries are
 * compiled for the documents as they are analysed. With an `id`, the engine answers `prepared` once the grammars are
 * loaded (or failed to) and the analyses requested by then are done.
 */
export interface PrepareRequest {
  readonly type: 'prepare';
  readonly languages: readonly string[];
  readonly id?: number;
}

export type EngineRequest = AnalyzeRequest | ForgetRequest | PrepareRequest;

export type EngineResponse =
  /** The worker has what it needs (grammar compiled) and starts the analysis proper: the watchdog starts now. */
  | { readonly type: 'begin'; readonly id: number }
  | { readonly type: 'result'; readonly id: number; readonly analysis: CodeAnalysis }
  /**
   * The analysis failed. `fatal`: the engine's WebAssembly state can no longer be trusted (a WebAssembly trap such as
   * "memory access out of bounds"): the host must replace the worker.
   */
  | { readonly type: 'error'; readonly id: number; readonly message: string; readonly fatal: boolean }
  /** The prepare request `id` is done: its grammars are loaded (or failed to), the analyses asked for by then too. */
  | { readonly type: 'prepared'; readonly id: number }
  /** A line of the engine's log (grammar load times, skipped documents), for the host's log. */
  | { readonly type: 'log'; readonly level: LogLevel; readonly message: string };

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** A logger that hands the engine's lines to the host as `log` responses. */
export function postingLogger(post: (response: EngineResponse) => void): Logger {
  const line = (level: LogLevel) => (message: string, error?: unknown) => post({
    type: 'log', level, message: error === undefined ? message : `${message}: ${error instanceof Error ? error.message : String(error)}`,
  });
  return { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') };
}
