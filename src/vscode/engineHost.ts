/**
 * The engine in the extension host itself, for hosts that cannot start a worker. No isolation: a crash or a runaway
 * query costs the host; only the engine's own deadline applies.
 *
 * On the desktop this module is a bundle of its own (dist/engine-host.js), required only when the worker cannot
 * start: the tree-sitter runtime's JavaScript and the engine stay out of dist/extension.js, which VS Code reads at
 * every activation. No `vscode` import here.
 */
import { CodeEngine, EngineService, GrammarLoader, Logger } from '../core';
import type { TransportFactory } from './engineClient';

/** A transport to an engine in this thread. */
export function inProcessTransport(engine: CodeEngine): TransportFactory {
  return (handlers) => {
    let alive = true;
    const service = new EngineService(engine, (response) => {
      if (alive) setTimeout(() => handlers.message(response), 0);
    });
    return {
      post: (request) => service.handle(request),
      terminate: () => { alive = false; },
    };
  };
}

/** A transport to a new engine in this thread that reads `grammars` and logs to `logger`. */
export function hostTransport(grammars: GrammarLoader, logger: Logger): TransportFactory {
  return inProcessTransport(new CodeEngine(grammars, logger));
}
