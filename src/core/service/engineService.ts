/**
 * The worker side of the protocol: one engine, one session per document key, requests handled one at a time.
 * Pure (no Node, no DOM): each platform's worker entry only connects it to its message port.
 */
import { CodeEngine, CodeSession, isEngineCrashed } from '../code/engine';
import { LANGUAGES } from '../languages';
import { LanguageSpec } from '../languages/spec';
import { AnalyzeRequest, EngineRequest, EngineResponse } from './protocol';

interface SessionState {
  readonly session: CodeSession;
  version?: number;
}

/** True for errors after which the WebAssembly module's state cannot be trusted (traps, not ordinary exceptions). */
export function isFatalEngineError(error: unknown): boolean {
  // The engine wraps runtime failures in EngineCrashed; a bare WebAssembly.RuntimeError (a trap) counts too.
  return isEngineCrashed(error) || (error instanceof Error && error.name === 'RuntimeError');
}

export class EngineService {
  private readonly sessions = new Map<string, SessionState>();
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly engine: CodeEngine, private readonly post: (response: EngineResponse) => void) {}

  /** Handles a request after those before it have finished. */
  handle(request: EngineRequest): void {
    if (request.type === 'prepare') {
      // Loading starts now, beside whatever runs; an analysis of the language later shares the loaded grammar. The
      // status query waits for a document: the editor compiles the part of it that document needs (languageFor).
      const work: Promise<unknown>[] = [this.engine.start()];
      for (const id of request.languages) {
        const spec = LANGUAGES.find((candidate) => candidate.id === id);
        if (spec) work.push(this.engine.grammar(spec));
      }
      const { id } = request;
      // Prepared: the grammars are loaded and the analyses asked for meanwhile (the open documents') are done, so
      // their status queries are compiled too.
      void Promise.allSettled(work).then(() => this.queue).then(() => {
        if (id !== undefined) this.post({ type: 'prepared', id });
      });
      return;
    }
    this.queue = this.queue.then(() => this.run(request));
  }

  private async run(request: Exclude<EngineRequest, { type: 'prepare' }>): Promise<void> {
    if (request.type === 'forget') {
      this.sessions.get(request.key)?.session.dispose();
      this.sessions.delete(request.key);
      return;
    }
    try {
      const spec = LANGUAGES.find((candidate) => candidate.id === request.language);
      if (!spec) throw new Error(`unknown language ${request.language}`);
      // Compiling is not the analysis: its time does not count against the analysis's deadline (see 'begin').
      await this.engine.languageFor(spec, request.text);
      this.post({ type: 'begin', id: request.id });
      const analysis = await this.analyze(request, spec);
      this.post({ type: 'result', id: request.id, analysis });
    } catch (error) {
      if (request.key) this.sessions.delete(request.key);
      this.post({
        type: 'error',
        id: request.id,
        message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        fatal: isFatalEngineError(error),
      });
    }
  }

  private async analyze(request: AnalyzeRequest, spec: LanguageSpec) {
    if (request.key === undefined) return this.engine.analyze(request.text, spec, { timeoutMs: request.timeoutMs, ungated: request.ungated });
    let state = this.sessions.get(request.key);
    if (!state || state.session.spec !== spec) {
      state?.session.dispose();
      state = { session: this.engine.session(spec, { timeoutMs: request.timeoutMs }) };
      this.sessions.set(request.key, state);
    }
    // The edit applies only to the version this session last saw; anything else is analysed afresh.
    const incremental = request.change !== undefined && state.version !== undefined && state.version === request.baseVersion;
    state.version = undefined;
    const analysis = await state.session.update(request.text, incremental ? request.change : undefined);
    state.version = analysis.skipped === 'timeout' ? undefined : request.version;
    return analysis;
  }
}
