/**
 * Status flow over the tree a check is given: a code written in one file and sent in another is reported in the file
 * where it is written, so every code file must be analysed before any is reported. Code files are analysed first
 * (their outcomes are small: findings, occurrences for `scan`, and a flow summary); the index over their summaries adds
 * what travels between files; then they are written in file order, while logs are streamed as before.
 */
import * as fs from 'fs';
import { findUnlisted, FlowIndex, meetsDemand, mergeFlow, Occurrence, readerForPath, splitLines } from '../core';
import { FileOutcome } from './analyze';
import { FileEntry } from './files';
import { analyzeAll, openPool, PoolOptions, PoolSink } from './pool';

export async function analyzeWithFlow(files: readonly FileEntry[], options: PoolOptions, sink: PoolSink): Promise<void> {
  const code: number[] = [];
  const rest: number[] = [];
  files.forEach((file, index) => (readerForPath(file.absolute)?.kind === 'code' ? code : rest).push(index));
  if (code.length === 0) return analyzeAll(files, options, sink);

  const outcomes = new Map<number, FileOutcome>();
  const index = new FlowIndex();
  await analyzeCode(files, code, options, outcomes, index);
  if (options.signal?.aborted) return;

  // Phase 2: code outcomes (with what flows into them from other files) and logs, in file order.
  const written = code.map((fileIndex, i) => {
    const outcome = outcomes.get(i) ?? { skipped: 'not analysed' };
    return sink.done(fileIndex, withIndex(files[fileIndex], outcome, index, options));
  });
  await analyzeAll(rest.map((i) => files[i]), options, {
    chunk: (i, language, rendered) => sink.chunk(rest[i], language, rendered),
    done: (i, outcome) => sink.done(rest[i], outcome),
    get head() {
      // The first log not yet written: logs before the sink's head.
      let count = 0;
      while (count < rest.length && rest[count] < sink.head) count++;
      return count;
    },
  });
  await Promise.all(written);
}

/**
 * Phase 1 and the flow rounds: every code file with a status sink (the others are deferred), then, round by round,
 * the deferred files that mention a name the index asks for. One pool serves all rounds, each language going to the
 * worker that has it compiled. Outcomes by position in `code`; the index gets every summary.
 */
async function analyzeCode(files: readonly FileEntry[], code: readonly number[], options: PoolOptions, outcomes: Map<number, FileOutcome>,
  index: FlowIndex): Promise<void> {
  let done = 0;
  const pool = openPool(options, code.length);
  const affinity = (file: FileEntry) => {
    const reader = readerForPath(file.absolute);
    return reader?.kind === 'code' ? reader.spec.id : '';
  };
  try {
    await pool.analyze(code.map((i) => files[i]), {
      chunk: () => Promise.resolve(),
      done(i, outcome) {
        outcomes.set(i, outcome);
        while (outcomes.has(done)) done++;
        return Promise.resolve();
      },
      get head() {
        return done;
      },
    }, { affinity });
    if (options.signal?.aborted) return;
    code.forEach((fileIndex, i) => {
      const flow = outcomes.get(i)?.flow;
      if (flow) index.set(files[fileIndex].display, flow);
    });

    // Files deferred for want of a status sink: parsed, round by round, while the index asks for a name they mention.
    let deferred = code.map((_, i) => i).filter((i) => outcomes.get(i)?.deferred);
    while (deferred.length > 0 && !options.signal?.aborted) {
      const demand = index.demand();
      if (demand.names.size === 0 && demand.fields.size === 0) break;
      const meets = meetsDemand(demand);
      const wanted = deferred.filter((i) => {
        const text = readText(files[code[i]]);
        return text === undefined || meets(text);
      });
      if (wanted.length === 0) break;
      const taken = new Set(wanted);
      deferred = deferred.filter((i) => !taken.has(i));
      const settled = new Set<number>();
      let head = 0;
      await pool.analyze(wanted.map((i) => files[code[i]]), {
        chunk: () => Promise.resolve(),
        done(k, outcome) {
          outcomes.set(wanted[k], outcome);
          if (outcome.flow) index.set(files[code[wanted[k]]].display, outcome.flow);
          settled.add(k);
          while (settled.has(head)) head++;
          return Promise.resolve();
        },
        get head() {
          return head;
        },
      }, { defer: false, affinity });
    }
  } finally {
    await pool.close();
  }
}

/** A code file's text for the demand test; undefined when it cannot be read (it is then analysed, which reports why). */
function readText(file: FileEntry): string | undefined {
  try {
    return file.content ? Buffer.from(file.content).toString('utf8') : fs.readFileSync(file.absolute, 'utf8');
  } catch {
    return undefined;
  }
}

/** A code file's outcome with the codes that reach a sink through other files added (and their findings). */
function withIndex(file: FileEntry, outcome: FileOutcome, index: FlowIndex, options: PoolOptions): FileOutcome {
  const { flow, ...rest } = outcome;
  if (!flow || outcome.language === undefined) return rest;
  const flowing = index.occurrences(file.display);
  if (flowing.length === 0) return rest;
  const at = (o: { range: { start: { line: number; character: number } } }) => `${o.range.start.line}:${o.range.start.character}`;
  const own = new Set([...(outcome.occurrences ?? []), ...(outcome.findings ?? []).map((f) => f.occurrence)]
    .filter((o) => o.context === 'handler').map(at));
  const added = mergeFlow([], flowing).filter((o) => !own.has(at(o)));
  if (added.length === 0) return rest;
  let lines: string[] = [];
  try {
    lines = splitLines(file.content ? Buffer.from(file.content).toString('utf8') : fs.readFileSync(file.absolute, 'utf8'));
  } catch {
    // The file went away since phase 1: its suppression comments cannot be read; report without them.
  }
  const allowedCodes = file.allowedCodes ? new Set(file.allowedCodes) : options.settings.allowedCodes;
  const findings = findUnlisted(added, {
    allowedCodes, implicitCodes: file.implicitCodes ?? options.settings.implicitCodes, lineAt: (line) => lines[line] ?? '', path: file.display,
  });
  const byPosition = (a: { occurrence: Occurrence }, b: { occurrence: Occurrence }) =>
    a.occurrence.range.start.line - b.occurrence.range.start.line || a.occurrence.range.start.character - b.occurrence.range.start.character;
  return {
    ...rest,
    ...(options.settings.occurrences ? { occurrences: mergeFlow(outcome.occurrences ?? [], flowing) } : {}),
    findings: [...(outcome.findings ?? []), ...findings].sort(byPosition),
  };
}
