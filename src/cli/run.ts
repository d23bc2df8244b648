/**
 * The `lts-status` command line: check, scan and explain, over the same core as the extension.
 * Exit codes: 0 clean (explain: a listed code), 1 findings (explain: a valid code the table does not list),
 * 2 a usage or I/O error.
 */
import * as os from 'os';
import { parseArgs } from 'util';
import { version } from '../../package.json';
import { describeStatus, errorRow, explainErrorText, explainText, GrammarLoader, isStatusCode } from '../core';
import { collectFiles } from './files';
import { analyzeAll } from './pool';
import { eslintJson, FileResult, sarif, scanJson, stylish } from './output';

export interface CliIo {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly grammars: GrammarLoader;
  /** Where the grammar files are, and the worker script that can read them; without both, no worker threads. */
  readonly grammarDir?: string;
  readonly workerScript?: string;
}

export const USAGE = `Usage: lts-status <command> [options]

Commands:
  check [paths…]      report handlers that return a status code the LTS API does not list
  scan [paths…]       list every status-code occurrence and every finding (JSON)
  explain <code>      explain a status code from the LTS table, or an LTS error code (LTS.0205)

Options:
  --format <name>     check: stylish (default), json or sarif; scan: json
  --max-warnings <n>  check: exit 1 only when there are more than n findings
  --allow <codes>     codes to accept besides the table, comma-separated (e.g. 202,409)
  --severity <level>  warning (default) or error
  --jobs <n>          worker threads for large trees (default: one per core, at most 8; 1 = none)
  -h, --help          show this help
  -v, --version       show the version

Paths default to the current directory. Directories are walked (honouring .gitignore, skipping node_modules and
.git); a path is always taken literally, never as a glob.
Exit codes: 0 clean, 1 findings, 2 usage or I/O error.`;

class UsageError extends Error {}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`lts-status: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    io.stderr(`lts-status: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        'max-warnings': { type: 'string' },
        allow: { type: 'string', multiple: true },
        severity: { type: 'string' },
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
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (values.version) {
    io.stdout(`${version}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  switch (command) {
    case 'explain':
      return explain(rest, io);
    case 'check':
    case 'scan': {
      const format = values.format ?? (command === 'check' ? 'stylish' : 'json');
      const formats = command === 'check' ? ['stylish', 'json', 'sarif'] : ['json'];
      if (!formats.includes(format)) throw new UsageError(`${command}: unknown format "${format}" (use ${formats.join(', ')})`);
      const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings']);
      if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) {
        throw new UsageError(`--max-warnings takes a whole number, not "${values['max-warnings']}"`);
      }
      const severity = values.severity ?? 'warning';
      if (severity !== 'warning' && severity !== 'error') throw new UsageError(`--severity takes warning or error, not "${severity}"`);
      const allowedCodes = parseAllowed(values.allow ?? []);
      const jobs = values.jobs === undefined ? Math.min(8, os.availableParallelism?.() ?? os.cpus().length) : Number(values.jobs);
      if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs takes a whole number from 1, not "${values.jobs}"`);
      const results = await analyzePaths(rest.length > 0 ? rest : ['.'], io, allowedCodes, jobs);
      if (command === 'scan') {
        io.stdout(`${scanJson(results.files, severity)}\n`);
        return results.failed ? 2 : 0;
      }
      const count = results.files.reduce((sum, file) => sum + file.result.findings.length, 0);
      if (format === 'stylish') io.stdout(stylish(results.files, severity));
      else if (format === 'json') io.stdout(`${eslintJson(results.files, severity)}\n`);
      else io.stdout(`${sarif(results.files, severity, version)}\n`);
      if (results.failed) return 2;
      const tooMany = maxWarnings === undefined ? count > 0 : count > maxWarnings;
      if (tooMany && maxWarnings !== undefined && format === 'stylish') {
        io.stdout(`lts-status found too many warnings (maximum: ${maxWarnings}).\n`);
      }
      return tooMany ? 1 : 0;
    }
    case undefined:
      throw new UsageError('a command is required');
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

function explain(args: readonly string[], io: CliIo): number {
  if (args.length !== 1) throw new UsageError('explain takes exactly one status code');
  const errorCode = /^(LTS|APIGW)\.\d{4}$/i.exec(args[0]);
  if (errorCode) {
    const mention = { errorCode: args[0].toUpperCase(), service: errorCode[1].toUpperCase() as 'LTS' | 'APIGW', row: errorRow(args[0]) };
    io.stdout(`${explainErrorText(mention)}\n`);
    return mention.row ? 0 : 1;
  }
  const code = Number(args[0]);
  if (!/^\d{3}$/.test(args[0]) || !isStatusCode(code)) {
    throw new UsageError(`"${args[0]}" is neither an HTTP status code (100–599) nor an error code such as LTS.0205`);
  }
  const info = describeStatus(code);
  io.stdout(`${explainText(info)}\n`);
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

async function analyzePaths(paths: readonly string[], io: CliIo, allowedCodes: ReadonlySet<number>, jobs: number): Promise<{ files: FileResult[]; failed: boolean }> {
  const collected = collectFiles(paths, io.cwd);
  let failed = collected.errors.length > 0;
  for (const error of collected.errors) io.stderr(`lts-status: ${error}\n`);
  const outcomes = await analyzeAll(collected.files, {
    jobs, workerScript: io.workerScript, grammarDir: io.grammarDir, grammars: io.grammars, allowedCodes,
  });
  const files: FileResult[] = [];
  for (const outcome of outcomes) {
    if (outcome.message) io.stderr(`lts-status: ${outcome.message}\n`);
    failed ||= outcome.failed === true;
    if (outcome.result) files.push(outcome.result);
  }
  return { files, failed };
}
