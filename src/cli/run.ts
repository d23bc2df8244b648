/**
 * The `lts-status` command line: check, scan and explain, over the same core as the extension.
 * Exit codes, as ESLint's: 0 clean (also with warnings, unless there are more than `--max-warnings`), 1 when an error
 * is reported or the warnings exceed `--max-warnings` (explain: a valid code the table does not list), 2 a usage or
 * I/O error of the run itself or a malformed `.lts-status.json`. A file that is skipped (it crashed the engine, ran
 * out of time, is not a regular file, is binary or too large) is named on stderr and counted in a summary line, and
 * does not change the exit code by itself.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArgs } from 'util';
import { version } from '../../package.json';
import {
  CONFIG_SEVERITIES, ConfigError, ConfigSeverity, describeStatus, errorRow, explainErrorText, explainText, GrammarLoader, isStatusCode,
} from '../core';
import { FileOutcome } from './analyze';
import { Collator } from './collate';
import { nodeConfigResolver } from './config';
import { collectFiles, describeError, FileEntry, matchesIgnorePattern } from './files';
import { analyzeWithFlow } from './flowPass';
import { CHECK_FORMATS, createFormat, printable, Rendered, Severity } from './output';

export interface CliIo {
  readonly cwd: string;
  /**
   * Writes to stdout; a returned promise is awaited before the next write (backpressure). A failure with code
   * EPIPE means the reader went away: the run goes on quietly without output. Any other failure ends it with exit 2.
   */
  readonly stdout: (text: Rendered) => void | Promise<void>;
  readonly stderr: (text: string) => void;
  /** Reads all of stdin (`--stdin`). */
  readonly stdin?: () => Promise<Uint8Array>;
  /** Colours in stylish output on stdout (see useColor); never in an output file. */
  readonly color?: boolean;
  readonly grammars: GrammarLoader;
  /** Where the grammar files are, and the worker script that can read them; without both, no worker threads. */
  readonly grammarDir?: string;
  readonly workerScript?: string;
  /** The engine's deadline per file (default 5 s); a worker silent for twice that plus 5 s is replaced. */
  readonly timeoutMs?: number;
  /** Overrides the hard limit derived from `timeoutMs`. */
  readonly hardTimeoutMs?: number;
  /**
   * `check` parses every code file instead of only those with a status sink and those the flow index asks for
   * (the property test compares both; the results must be the same).
   */
  readonly parseAll?: boolean;
}

export const USAGE = `Usage: lts-status <command> [options]

Commands:
  check [paths…]      report handlers that return a status code the LTS API does not list
  scan [paths…]       list every status-code occurrence and every finding (JSON)
  explain <code>      explain a status code from the LTS table, or an LTS error code (LTS.0205)

Options:
  --format <name>     check: stylish (default), json, sarif or github; scan: json
  -o, --output-file <path>
                      write the report to a file instead of stdout
  --severity <level>  error (default), warning, information or hint; beats "severity" in .lts-status.json
  --allow <codes>     codes to accept besides the table, comma-separated (e.g. 202,409); added to
                      "allowedCodes" in .lts-status.json
  --max-warnings <n>  check: exit 1 when there are more than n warnings (information and hint count as warnings)
  --quiet             report errors only
  --no-implicit-codes check: do not report codes a framework answers by itself (res.redirect(url) answers 302)
  --ignore-pattern <pattern>
                      skip files matching a gitignore-style pattern (relative to the working directory;
                      repeatable); also for files named on the command line
  --stdin             read the text to check from stdin instead of paths
  --stdin-filename <path>
                      with --stdin: the file it stands for (decides the language and the .lts-status.json)
  --jobs <n>          worker threads (default: one per core, at most 8; never more than the cores and free
                      memory allow)
  -h, --help          show this help
  -v, --version       show the version

Paths default to the current directory. Directories are walked as git would (nested .gitignore files with negation,
.git/info/exclude), skipping node_modules and .git; a path is always taken literally, never as a glob. Only regular
files are read. The nearest .lts-status.json above each file configures it (allowedCodes, severity, ignore).
Exit codes: 0 clean or only warnings (at most --max-warnings), 1 errors or too many warnings, 2 usage or I/O error
or a malformed .lts-status.json. A file that cannot be analysed (it crashes the engine, takes too long, is not a
regular file, is binary or too large) is named on stderr and skipped; that alone does not change the exit code.`;

/** The engine's own deadline for one file. */
const DEFAULT_TIMEOUT_MS = 5_000;
/** Added to twice the engine's deadline for the hard limit: worker start-up and grammar loading. */
const HARD_TIMEOUT_GRACE_MS = 5_000;
/** Memory a worker may need at its peak (a grammar, a large file and its tree); bounds --jobs by free memory. */
export const JOB_MEMORY_BYTES = 256 * 1024 * 1024;
const DEFAULT_MAX_JOBS = 8;

class UsageError extends Error {}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      // parseArgs explains some errors over several lines; each line is made printable on its own.
      io.stderr(`lts-status: ${error.message.split('\n').map(printable).join('\n')}\n\n${USAGE}\n`);
      return 2;
    }
    io.stderr(`lts-status: ${printable(error instanceof Error ? error.message : String(error))}\n`);
    return 2;
  }
}

/** Worker threads a run may use: the request (or up to 8), never more than the cores and free memory allow. */
export function jobLimit(requested: number | undefined, cores: number, freeBytes: number): number {
  const byMemory = Math.floor(freeBytes / JOB_MEMORY_BYTES);
  return Math.max(1, Math.min(requested ?? DEFAULT_MAX_JOBS, cores, byMemory));
}

function machineJobLimit(requested: number | undefined): number {
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  const available = (process as { availableMemory?: () => number }).availableMemory?.() ?? os.freemem();
  return jobLimit(requested, cores, available);
}

/** A whole number written in decimal digits (so '', '-1', '1.5', '0x10' and '1e3' are not). */
function wholeNumber(option: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number < min) {
    throw new UsageError(`${option} takes a whole number${min > 0 ? ` from ${min}` : ''}, not "${value}"`);
  }
  return number;
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        'output-file': { type: 'string', short: 'o' },
        'max-warnings': { type: 'string' },
        allow: { type: 'string', multiple: true },
        severity: { type: 'string' },
        quiet: { type: 'boolean' },
        'no-implicit-codes': { type: 'boolean' },
        'ignore-pattern': { type: 'string', multiple: true },
        stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        jobs: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    await io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (values.version) {
    await io.stdout(`${version}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  switch (command) {
    case 'explain':
      return explain(rest, io);
    case 'check':
    case 'scan': {
      const format = values.format ?? (command === 'check' ? 'stylish' : 'json');
      const formats: readonly string[] = command === 'check' ? CHECK_FORMATS : ['json'];
      if (!formats.includes(format)) throw new UsageError(`${command}: unknown format "${format}" (use ${formats.join(', ')})`);
      const maxWarnings = wholeNumber('--max-warnings', values['max-warnings'], 0);
      const severity = values.severity;
      if (severity !== undefined && !CONFIG_SEVERITIES.includes(severity as ConfigSeverity)) {
        throw new UsageError(`--severity takes ${CONFIG_SEVERITIES.join(', ')}, not "${severity}"`);
      }
      const allowedCodes = parseAllowed(values.allow ?? []);
      const jobs = machineJobLimit(wholeNumber('--jobs', values.jobs, 1));
      const stdinName = values['stdin-filename'];
      if (values.stdin) {
        if (stdinName === undefined || stdinName === '') throw new UsageError('--stdin needs --stdin-filename <path> (it decides the language and the configuration)');
        if (rest.length > 0) throw new UsageError('--stdin takes no paths');
        if (!io.stdin) throw new UsageError('--stdin: no standard input here');
      } else if (stdinName !== undefined) {
        throw new UsageError('--stdin-filename goes with --stdin');
      }
      const outputFile = values['output-file'];
      if (outputFile === '') throw new UsageError('--output-file takes a path');
      return analyzePaths(command, rest.length > 0 ? rest : ['.'], io, {
        format, severity: severity as Severity | undefined, allowedCodes, jobs, maxWarnings, quiet: values.quiet ?? false,
        noImplicitCodes: values['no-implicit-codes'] ?? false,
        ignorePatterns: values['ignore-pattern'] ?? [], stdinName: values.stdin ? stdinName : undefined, outputFile,
      });
    }
    case undefined:
      throw new UsageError('a command is required');
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

async function explain(args: readonly string[], io: CliIo): Promise<number> {
  if (args.length !== 1) throw new UsageError('explain takes exactly one status code');
  const errorCode = /^(LTS|APIGW)\.\d{4}$/i.exec(args[0]);
  if (errorCode) {
    const mention = { errorCode: args[0].toUpperCase(), service: errorCode[1].toUpperCase() as 'LTS' | 'APIGW', row: errorRow(args[0]) };
    await io.stdout(`${explainErrorText(mention)}\n`);
    return mention.row ? 0 : 1;
  }
  const code = Number(args[0]);
  if (!/^\d{3}$/.test(args[0]) || !isStatusCode(code)) {
    throw new UsageError(`"${args[0]}" is neither an HTTP status code (100–599) nor an error code such as LTS.0205`);
  }
  const info = describeStatus(code);
  await io.stdout(`${explainText(info)}\n`);
  return info.listed ? 0 : 1;
}

function parseAllowed(values: readonly string[]): Set<number> {
  const codes = new Set<number>();
  for (const part of values.flatMap((value) => value.split(','))) {
    const code = Number(part.trim());
    if (!/^\s*\d{3}\s*$/.test(part) || !isStatusCode(code)) throw new UsageError(`--allow takes status codes, not "${part}"`);
    codes.add(code);
  }
  return codes;
}

interface RunOptions {
  readonly format: string;
  /** `--severity`; without it the file's, else error. */
  readonly severity?: Severity;
  readonly allowedCodes: ReadonlySet<number>;
  readonly jobs: number;
  readonly maxWarnings?: number;
  readonly quiet: boolean;
  /** `--no-implicit-codes`: codes a framework answers by itself (`res.redirect(url)` → 302) are not reported. */
  readonly noImplicitCodes: boolean;
  readonly ignorePatterns: readonly string[];
  /** `--stdin-filename`, when the text comes from stdin. */
  readonly stdinName?: string;
  readonly outputFile?: string;
}

/** The severity of the CLI when neither `--severity` nor a `.lts-status.json` sets one: findings fail the run. */
export const CLI_DEFAULT_SEVERITY: Severity = 'error';

/** A writer to `file` (its folder created as needed), with the same contract as CliIo.stdout. */
async function fileWriter(file: string): Promise<{ write: (text: Rendered) => Promise<void>; close: () => Promise<void> }> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const handle = await fs.promises.open(file, 'w');
  return {
    write: async (text) => {
      // Two overloads of write (text, bytes): TypeScript picks one only for a narrowed type.
      if (typeof text === 'string') await handle.write(text);
      else await handle.write(text);
    },
    close: () => handle.close(),
  };
}

async function analyzePaths(command: 'check' | 'scan', paths: readonly string[], io: CliIo, options: RunOptions): Promise<number> {
  const say = (message: string) => io.stderr(`lts-status: ${printable(message)}\n`);
  let files: FileEntry[];
  let failed = false;
  let skipped = 0;
  const notes: string[] = [];
  if (options.stdinName !== undefined) {
    let content: Uint8Array;
    try {
      content = await io.stdin!();
    } catch (error) {
      say(`cannot read stdin: ${describeError(error)}`);
      return 2;
    }
    files = [{ display: options.stdinName, absolute: path.resolve(io.cwd, options.stdinName), explicit: true, content }];
    // The same rule as for a file named on the command line.
    if (matchesIgnorePattern(files[0].absolute, io.cwd, options.ignorePatterns)) files = [];
  } else {
    const collected = collectFiles(paths, io.cwd, { ignorePatterns: options.ignorePatterns });
    failed = collected.errors.length > 0;
    skipped = collected.skipped.length;
    for (const error of collected.errors) say(error);
    for (const message of collected.skipped) say(message);
    notes.push(...collected.skipped);
    files = collected.files;
  }

  // Each file's .lts-status.json (the nearest one above it), with the flags on top; a malformed one ends the run.
  const resolver = nodeConfigResolver();
  const configErrors = new Set<string>();
  const configured: FileEntry[] = [];
  for (const file of files) {
    try {
      const config = await resolver.resolve(file.absolute, {
        defaultSeverity: CLI_DEFAULT_SEVERITY, severity: options.severity, allowedCodes: options.allowedCodes,
      });
      if (!config.ignored) {
        configured.push({ ...file, allowedCodes: [...config.allowedCodes], severity: config.severity, implicitCodes: options.noImplicitCodes ? false : config.implicitCodes });
      }
    } catch (error) {
      configErrors.add(error instanceof ConfigError ? error.message : describeError(error));
    }
  }
  if (configErrors.size > 0) {
    for (const message of configErrors) say(message);
    return 2;
  }
  files = configured;

  let out: (text: Rendered) => void | Promise<void> = io.stdout;
  let closeOutput: (() => Promise<void>) | undefined;
  if (options.outputFile !== undefined) {
    try {
      const writer = await fileWriter(path.resolve(io.cwd, options.outputFile));
      out = writer.write;
      closeOutput = writer.close;
    } catch (error) {
      say(`cannot write ${options.outputFile}: ${describeError(error)}`);
      return 2;
    }
  }

  // The output: a reader that went away (EPIPE) ends it quietly; `scan` then stops, `check` finishes the analysis
  // so that its exit code still tells whether there are findings. Any other write error ends the run with exit 2.
  const stop = new AbortController();
  let closed = false;
  let writeError: string | undefined;
  const write = async (text: Rendered) => {
    if (text.length === 0 || closed || writeError !== undefined) return;
    try {
      await out(text);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EPIPE') {
        closed = true;
        if (command === 'scan') stop.abort();
      } else {
        writeError = describeError(error);
        stop.abort();
      }
    }
  };

  const format = createFormat(command, options.format, {
    version, cwd: io.cwd, quiet: options.quiet, color: options.outputFile === undefined && io.color === true,
    severity: options.severity ?? CLI_DEFAULT_SEVERITY,
  });
  const onOutcome = (file: FileEntry, outcome: FileOutcome, partial: boolean) => {
    for (const note of outcome.notes ?? []) say(`${file.display}: ${note}`);
    if (outcome.error !== undefined) {
      failed = true;
      say(`${file.display}: ${outcome.error}`);
    } else if (outcome.skipped !== undefined) {
      skipped++;
      const message = `${file.display}: ${partial ? 'results incomplete' : 'skipped'}, ${outcome.skipped}`;
      notes.push(message);
      say(message);
    }
  };
  const collator = new Collator({ files, format, write, onOutcome });
  const timeoutMs = io.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  await write(format.begin());
  await analyzeWithFlow(files, {
    jobs: options.jobs,
    workerScript: io.workerScript,
    grammarDir: io.grammarDir,
    grammars: io.grammars,
    settings: {
      allowedCodes: options.allowedCodes, timeoutMs, occurrences: command === 'scan',
      deferWithoutSinks: command === 'check' && !io.parseAll, findingsOnly: command === 'check' && !io.parseAll, ungated: command === 'check',
    },
    hardTimeoutMs: io.hardTimeoutMs ?? 2 * timeoutMs + HARD_TIMEOUT_GRACE_MS,
    signal: stop.signal,
  }, collator);
  await collator.idle();
  await write(format.end({ successful: !failed, notes }));
  const tooManyWarnings = command === 'check' && options.maxWarnings !== undefined && format.warnings > options.maxWarnings;
  if (tooManyWarnings && options.format === 'stylish') {
    await write(`lts-status found too many warnings (maximum: ${options.maxWarnings}).\n`);
  }
  try {
    await closeOutput?.();
  } catch (error) {
    writeError ??= describeError(error);
  }

  if (writeError !== undefined) {
    say(`cannot write the output: ${writeError}`);
    return 2;
  }
  if (skipped > 0 && !stop.signal.aborted) {
    say(`${skipped} file${skipped === 1 ? ' was' : 's were'} skipped (see above); the results do not cover ${skipped === 1 ? 'it' : 'them'}`);
  }
  if (failed) return 2;
  if (command === 'scan') return 0;
  return format.errors > 0 || tooManyWarnings ? 1 : 0;
}
