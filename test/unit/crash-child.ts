/**
 * Run by hardening.test.ts in a child process, because it may break the tree-sitter runtime for the whole process:
 * analyses the crash input, then a plain handler, and prints what happened as JSON.
 */
import { CodeEngine, isEngineCrashed, languageForPath } from '../../src/core';
import { runtimeCrashInput } from './adversarial';
import { nodeGrammars } from './helpers';

async function attempt(engine: CodeEngine, file: string, text: string): Promise<unknown> {
  try {
    const result = await engine.analyze(text, languageForPath(file)!, { timeoutMs: 10_000 });
    return { occurrences: result.occurrences.length, skipped: result.skipped ?? null };
  } catch (error) {
    return { threw: (error as Error).name, crashed: isEngineCrashed(error), message: (error as Error).message };
  }
}

void (async () => {
  const engine = new CodeEngine(nodeGrammars);
  const { file, text } = runtimeCrashInput();
  const crash = await attempt(engine, file, text);
  const after = await attempt(engine, 'after.js', 'function h(req, res) { res.status(409); }');
  process.stdout.write(JSON.stringify({ crash, after, engineCrashed: engine.crashed !== undefined }));
})();
