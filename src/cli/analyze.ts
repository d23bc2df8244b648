/**
 * Reading and analysing one file for the CLI: the same steps in a worker thread and in the calling thread.
 * Only regular files are read (checked on the open descriptor, so a FIFO swapped in after the walk cannot block).
 * Logs are read and scanned in blocks of whole lines and their occurrences handed on block by block, so neither the
 * file nor its results are ever held whole, whatever its size; gzip-compressed logs (`access.log.2.gz`) are
 * decompressed as they are read (node:zlib). Code files are read whole (they are bounded by MAX_CODE_CHARS).
 */
import * as fs from 'fs';
import { Readable } from 'stream';
import { StringDecoder } from 'string_decoder';
import * as zlib from 'zlib';
import {
  analyzeDocument, CodeEngine, compressedLogPath, FlowSummary, detectLogLayout, Finding, headLines, LAYOUT_HEAD_LINES, LogLayout,
  MAX_CODE_CHARS, MINIFIED_LINE_CHARS, Occurrence, Reader, readerForPath, readerLanguage, ScanOptions,
} from '../core';
import { describeError, FileEntry, fileKind } from './files';
import { Rendered, renderText } from './output';

/**
 * The scanner reads lines of any length in linear time; a line longer than this (a multi-megabyte minified JSON log
 * line is far shorter) is not kept, so that memory stays bounded whatever the file. Stderr names the lines dropped.
 */
export const MAX_TEXT_LINE_LENGTH = 16 * 1024 * 1024;
/**
 * Bytes read at a time from a log. Larger blocks are slower: a string over 128 KiB is a large object to V8, with a
 * memory mapping of its own.
 */
export const READ_CHUNK_BYTES = 64 * 1024;
/** A log's output is handed on after this many blocks, or once this many bytes of it are waiting. */
const HAND_ON_BLOCKS = 32;
const HAND_ON_BYTES = 1024 * 1024;
/** A NUL byte among the first this many bytes marks a binary file. */
const BINARY_PROBE_BYTES = 8000;
/** UTF-8 needs at least one byte per UTF-16 unit and at most three, so a code file above this many bytes is too large. */
const MAX_CODE_BYTES = 3 * MAX_CODE_CHARS;

export interface AnalyzeSettings {
  readonly allowedCodes: ReadonlySet<number>;
  /** The engine's own deadline for one document (AnalyzeOptions.timeoutMs). */
  readonly timeoutMs: number;
  /** False for `check`: logs never have findings, so they are only probed, not scanned. */
  readonly occurrences: boolean;
  /** Read size for logs (tests use tiny blocks to cross every boundary). */
  readonly chunkBytes?: number;
  /** False: codes a framework answers by itself are not findings (a file's own configuration wins). */
  readonly implicitCodes?: boolean;
  /**
   * `check`: a code file without evidence of a status sink (CodeEngine.mayHoldSink) is not parsed but deferred; the
   * status-flow pass parses it only if the index asks for a name it mentions (flowPass.ts).
   */
  readonly deferWithoutSinks?: boolean;
  /** `check`: compile and run only what findings need (AnalyzeOptions.findingsOnly). */
  readonly findingsOnly?: boolean;
  /**
   * `check`: every code file that reaches the engine is parsed, even without a trigger word (a subclass that only
   * passes `super(409)` on): which files reach it is decided by their sinks and by the flow index.
   */
  readonly ungated?: boolean;
}

/** What became of one file. A file with `language` belongs in the output; one with `skipped` or `error` does not. */
export interface FileOutcome {
  readonly language?: string;
  /** Occurrences not yet handed on in chunks (all of them for code). */
  readonly occurrences?: readonly Occurrence[];
  readonly findings?: readonly Finding[];
  /** Why the file was not analysed, for stderr (the file counts as skipped). */
  readonly skipped?: string;
  /** An I/O error reading it (the run then exits 2). */
  readonly error?: string;
  /** Skipped without a word (a binary or unknown file met in a walk). */
  readonly silent?: boolean;
  /** What was read only in part, for stderr (lines over MAX_TEXT_LINE_LENGTH); the results stand otherwise. */
  readonly notes?: readonly string[];
  /** The engine may be broken (it threw) or left mid-parse (it timed out): analyse the next file with a fresh one. */
  readonly restart?: boolean;
  /** A code file's status flow, for the index over the whole tree (../core/code/flow.ts). */
  readonly flow?: FlowSummary;
  /** Not parsed: no status sink in its text (AnalyzeSettings.deferWithoutSinks). Its outcome stands unless flow asks. */
  readonly deferred?: boolean;
}

/**
 * Receives a log's occurrences block by block, rendered for the scan JSON (see renderText; empty for none);
 * resolves when the next block may come. Called for every block, so it also tells that the reading goes on.
 */
export type ChunkSink = (language: string, rendered: Rendered) => Promise<void>;

/** The bytes of a file, or of the buffer given on stdin. */
interface Source {
  readonly size: number;
  /** Up to `size` bytes from the current position (fewer only at the end). */
  read(size: number): Buffer;
}

/** How a file is read: by its name, a `.gz` as the log it holds (any `.gz` named on the command line). */
export function fileReader(absolute: string, explicit: boolean): { reader: Reader; gzip: boolean } | undefined {
  const inner = compressedLogPath(absolute) ?? (explicit && /\.gz$/i.test(absolute) ? absolute.slice(0, -3) : undefined);
  const reader = readerForPath(inner ?? absolute) ?? (explicit ? { kind: 'text' as const, language: 'plaintext' } : undefined);
  if (!reader || (inner !== undefined && reader.kind !== 'text')) return undefined;
  return { reader, gzip: inner !== undefined };
}

export async function analyzeFile(engine: CodeEngine, file: FileEntry, settings: AnalyzeSettings, onChunk: ChunkSink): Promise<FileOutcome> {
  const how = fileReader(file.absolute, file.explicit);
  if (!how) return file.explicit ? { skipped: 'a compressed file that is not a log' } : { silent: true };
  const { reader, gzip } = how;
  if (file.content !== undefined) {
    // Given on stdin: a worker receives it as a plain Uint8Array.
    const bytes = Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength);
    let at = 0;
    const source: Source = {
      size: bytes.length,
      read: (size) => {
        const part = bytes.subarray(at, at + size);
        at += part.length;
        return part;
      },
    };
    try {
      return await analyzeSource(engine, file, reader, source, settings, onChunk, gzip);
    } catch (error) {
      return { error: describeError(error) };
    }
  }
  let fd: number;
  try {
    fd = fs.openSync(file.absolute, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { error: describeError(error) };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { skipped: `not a regular file (${fileKind(stat)})` };
    return await analyzeSource(engine, file, reader, { size: stat.size, read: (size) => readUpTo(fd, size) }, settings, onChunk, gzip);
  } catch (error) {
    return { error: describeError(error) };
  } finally {
    fs.closeSync(fd);
  }
}

async function analyzeSource(engine: CodeEngine, file: FileEntry, reader: Reader, source: Source, settings: AnalyzeSettings,
  onChunk: ChunkSink, gzip = false): Promise<FileOutcome> {
  if (reader.kind === 'code' && source.size > MAX_CODE_BYTES) return { skipped: tooLarge(source.size, 'bytes') };
  const language = readerLanguage(reader);
  let probe = source.read(BINARY_PROBE_BYTES);
  const chunk = settings.chunkBytes ?? READ_CHUNK_BYTES;
  if (gzip && probe[0] === 0x1f && probe[1] === 0x8b) {
    // Logs are only probed for `check`: a compressed one is not decompressed for nothing.
    if (!settings.occurrences) return { language, occurrences: [], findings: [] };
    const inflated = gunzipPull(probe, () => source.read(chunk));
    try {
      const first = await inflated.next();
      if (isBinary(first.subarray(0, BINARY_PROBE_BYTES), true)) return file.explicit ? { skipped: 'binary file' } : { silent: true };
      return await scanLog(first, inflated.next, language, onChunk);
    } catch (error) {
      if (isZlibError(error)) return { skipped: `not readable as gzip (${error instanceof Error ? error.message : String(error)})` };
      throw error;
    } finally {
      // Nothing may read ahead from the descriptor once the caller closes it.
      inflated.close();
    }
  }
  if (isBinary(probe, reader.kind === 'text')) return file.explicit ? { skipped: 'binary file' } : { silent: true };
  if (reader.kind === 'text') {
    if (!settings.occurrences) return { language, occurrences: [], findings: [] };
    return scanLog(probe, () => source.read(chunk), language, onChunk);
  }
  const text = Buffer.concat([probe, readRest(source, MAX_CODE_BYTES - probe.length)]).toString('utf8');
  if (text.length > MAX_CODE_CHARS) return { skipped: tooLarge(text.length, 'characters') };
  const allowedCodes = file.allowedCodes ? new Set(file.allowedCodes) : settings.allowedCodes;
  if (settings.deferWithoutSinks && !settings.occurrences) {
    try {
      if (!(await engine.mayHoldSink(text, reader.spec))) return { language, occurrences: [], findings: [], deferred: true };
    } catch {
      // The query could not be read: analyse the file, which reports the problem.
    }
  }
  let result;
  try {
    result = await analyzeDocument(engine, text, reader, {
      allowedCodes, timeoutMs: settings.timeoutMs, implicitCodes: file.implicitCodes ?? settings.implicitCodes, path: file.display,
      findingsOnly: settings.findingsOnly, ungated: settings.ungated,
    });
  } catch (error) {
    return { skipped: `the analysis crashed (${error instanceof Error ? error.message : String(error)})`, restart: true };
  }
  if (result.skipped === 'timeout') return { skipped: `the analysis took longer than ${seconds(settings.timeoutMs)}`, restart: true };
  if (result.skipped === 'tooLarge') return { skipped: tooLarge(text.length, 'characters') };
  if (result.skipped === 'minified') return { skipped: `minified (its lines average over ${MINIFIED_LINE_CHARS.toLocaleString('en-US')} characters); a bundle repeats its sources` };
  return {
    language, occurrences: settings.occurrences ? result.occurrences : [], findings: result.findings,
    ...(result.flow ? { flow: result.flow } : {}),
  };
}

/**
 * A NUL byte marks a binary file; but a log may hold runs of NUL bytes where a crash or a truncation left them, so in
 * a log they count only when other control bytes come with them (an executable, an image, an archive).
 */
function isBinary(probe: Buffer, log: boolean): boolean {
  if (!probe.includes(0)) return false;
  if (!log) return true;
  if (isUtf16(probe)) return false;
  let text = 0;
  let control = 0;
  for (const byte of probe) {
    if (byte === 0) continue;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x1b && byte !== 0x0c) control++;
    else text++;
  }
  return text === 0 || control * 100 > text;
}

/** A UTF-16LE text with its byte order mark (what Windows PowerShell 5.1 writes with `>` and `Out-File`). */
function isUtf16(probe: Buffer): boolean {
  return probe[0] === 0xff && probe[1] === 0xfe;
}

async function scanLog(first: Buffer, next: () => Buffer | Promise<Buffer>, language: string, onChunk: ChunkSink): Promise<FileOutcome> {
  const encoding = isUtf16(first) ? 'utf16le' : 'utf8';
  // Blocks' output is handed on in batches (a message to the main thread and back costs more than a block's scan),
  // at least every HAND_ON_BLOCKS blocks, so that the watchdog hears that the reading goes on.
  let pending: Uint8Array[] = [];
  let size = 0;
  let blocks = 0;
  const handOn = () => {
    const batch = pending.length <= 1 ? pending[0] ?? new Uint8Array(0) : concat(pending, size);
    pending = [];
    size = 0;
    blocks = 0;
    return onChunk(language, batch);
  };
  const report = await scanStream(first, next, async (text, options) => {
    const rendered = renderText(text, options);
    if (rendered.length > 0) {
      pending.push(rendered);
      size += rendered.length;
    }
    if (++blocks >= HAND_ON_BLOCKS || size >= HAND_ON_BYTES) await handOn();
  }, MAX_TEXT_LINE_LENGTH, encoding);
  if (blocks > 0) await handOn();
  const notes = overlongNotes(report);
  return { language, occurrences: [], findings: [], ...(notes.length > 0 ? { notes } : {}) };
}

/** Rendered parts (each a list of JSON values) as one list: the parts with commas between them. */
function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size + parts.length - 1);
  let at = 0;
  for (const part of parts) {
    if (at > 0) out[at++] = 0x2c;
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function tooLarge(size: number, unit: string): string {
  return `too large to parse (${size} ${unit}; the limit is ${MAX_CODE_CHARS} characters)`;
}

export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/** Up to `size` bytes from the descriptor's current position (fewer only at the end of the file). */
function readUpTo(fd: number, size: number): Buffer {
  const buffer = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const read = fs.readSync(fd, buffer, filled, size - filled, null);
    if (read === 0) break;
    filled += read;
  }
  return buffer.subarray(0, filled);
}

/** The rest of the file, but never more than `limit` bytes (the caller checked the size; this guards a growing file). */
function readRest(source: Source, limit: number): Buffer {
  const parts: Buffer[] = [];
  for (let total = 0; total < limit;) {
    const part = source.read(Math.min(READ_CHUNK_BYTES, limit - total));
    if (part.length === 0) break;
    parts.push(part);
    total += part.length;
  }
  return Buffer.concat(parts);
}

/**
 * Decompressed blocks of a gzip stream whose compressed bytes are `first`, then `read()` until it returns an empty
 * buffer; an empty buffer at the end. Memory stays bounded: the inflater is fed only as its output is taken.
 * Concatenated gzip members (as `cat a.gz b.gz` makes them) are read one after the other.
 */
export function gunzipPull(first: Buffer, read: () => Buffer): { next: () => Promise<Buffer>; close: () => void } {
  let closed = false;
  function* compressed(): Generator<Buffer> {
    if (first.length > 0) yield first;
    while (!closed) {
      const part = read();
      if (part.length === 0) return;
      yield part;
    }
  }
  const gunzip = zlib.createGunzip();
  const input = Readable.from(compressed(), { objectMode: false });
  input.on('error', (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  const blocks = gunzip[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  return {
    next: async () => {
      const { done, value } = await blocks.next();
      return done ? Buffer.alloc(0) : value;
    },
    close: () => {
      closed = true;
      input.destroy();
      gunzip.destroy();
    },
  };
}

function isZlibError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}

/** What a stream scan could not read. */
export interface StreamReport {
  /** Zero-based numbers of the first lines over the length limit (at most OVERLONG_LISTED of them). */
  readonly overlongLines: readonly number[];
  /** How many lines were over the limit. */
  readonly overlongCount: number;
  readonly maxLine: number;
}

/** Overlong lines named on stderr per file; the rest are counted. */
const OVERLONG_LISTED = 5;

function overlongNotes(report: StreamReport): string[] {
  if (report.overlongCount === 0) return [];
  const lines = report.overlongLines.map((line) => line + 1).join(', ');
  const more = report.overlongCount > report.overlongLines.length ? ` and ${report.overlongCount - report.overlongLines.length} more` : '';
  const plural = report.overlongCount === 1 ? 'line' : 'lines';
  return [`${plural} ${lines}${more} not read: longer than ${report.maxLine} characters`];
}

/**
 * Reads a log given as byte blocks (`first`, then `next()` until it returns an empty buffer) in blocks of whole lines
 * and hands on each block with the scan options that number its lines as in the whole text and give the layout its
 * header declares (`''` when a read ends no line, so that the caller knows the reading goes on). `scanText` of every
 * block so handed on equals `scanText` of the whole text with lines over `maxLine` characters emptied; the report
 * names those.
 */
export async function scanStream(first: Buffer, next: () => Buffer | Promise<Buffer>, onBlock: (text: string, options: ScanOptions) => Promise<void>,
  maxLine = MAX_TEXT_LINE_LENGTH, encoding: 'utf8' | 'utf16le' = 'utf8'): Promise<StreamReport> {
  const decoder = new StringDecoder(encoding);
  const lines = new LineBlocks(maxLine);
  // A header (W3C `#Fields:`, a CSV header) in the first lines defines the layout of the whole log: blocks are held
  // until that many lines have come (or the log ends), then scanned with the layout they declare.
  let layout: LogLayout | null | undefined;
  let head: Block | undefined;
  const scan = async (block: Block, last: boolean) => {
    if (layout === undefined) {
      head = head ? { text: head.text + block.text, firstLine: head.firstLine } : block;
      if (!last && countBreaks(head.text) < LAYOUT_HEAD_LINES) return;
      layout = detectLogLayout(headLines(head.text)) ?? null;
      block = head;
      head = undefined;
    }
    await onBlock(block.text, { layout, firstLine: block.firstLine });
  };
  for (let bytes = first; ; bytes = await next()) {
    if (bytes.length === 0) {
      await scan(lines.end(decoder.end()), true);
      return { overlongLines: lines.overlongLines, overlongCount: lines.overlongCount, maxLine };
    }
    await scan(lines.push(decoder.write(bytes)), false);
  }
}

interface Block {
  /** Whole lines, each with its line break (the last line of the text may have none). */
  readonly text: string;
  /** Number of the block's first line in the whole text. */
  readonly firstLine: number;
}

/**
 * Cuts decoded text into blocks of whole lines (`\n`, `\r\n` and lone `\r` end a line, as the scanner counts them).
 * A line longer than MAX_TEXT_LINE_LENGTH is not kept: it becomes an empty line (still counted, and recorded in
 * `overlongLines`), and memory stays bounded whatever the file.
 */
export class LineBlocks {
  constructor(private readonly maxLine = MAX_TEXT_LINE_LENGTH) {}

  /** The first overlong lines (zero-based), at most OVERLONG_LISTED of them. */
  readonly overlongLines: number[] = [];
  overlongCount = 0;

  private pending = '';
  /** The pending line is over the length limit: its text is dropped up to its line break. */
  private overlong = false;
  private line = 0;

  push(decoded: string): Block {
    const text = this.pending + decoded;
    // Cut after the last line break that cannot be the `\r` of a `\r\n` split over two reads. The pending text
    // holds no line break but a final `\r`, so only the new text is searched (searching the concatenation is slow).
    const from = this.pending.length - (this.pending.endsWith('\r') ? 1 : 0);
    const tail = from > 0 ? text.slice(from) : text;
    const after = Math.max(tail.lastIndexOf('\n') + 1, tail.length > 1 && tail.includes('\r') ? tail.lastIndexOf('\r', tail.length - 2) + 1 : 0);
    const cut = after > 0 ? from + after : 0;
    let block = text.slice(0, cut);
    this.pending = text.slice(cut);
    if (this.overlong && cut > 0) {
      block = block.slice(lineEnd(block));
      this.overlong = false;
    }
    if (this.overlong || this.pending.length - (this.pending.endsWith('\r') ? 1 : 0) > this.maxLine) {
      if (!this.overlong) this.dropped(this.line + countBreaks(block));
      this.overlong = true;
      this.pending = this.pending.endsWith('\r') ? '\r' : '';
    }
    return this.take(block);
  }

  end(decoded: string): Block {
    const block = this.push(decoded);
    const last = this.overlong ? '' : this.pending;
    this.pending = '';
    this.overlong = false;
    if (!block.text) return this.take(last);
    // Both parts, as one block: the caller scans it once.
    return { text: block.text + last, firstLine: block.firstLine };
  }

  private take(text: string): Block {
    const firstLine = this.line;
    this.line += countBreaks(text);
    // An overlong line that arrived whole in one read is dropped too, so the result never depends on read sizes.
    if (text.length > this.maxLine) {
      let line = firstLine;
      text = text.split(/(\r\n|\r|\n)/).map((part, i) => {
        if (i % 2 === 1) { line++; return part; }
        if (part.length <= this.maxLine) return part;
        this.dropped(line);
        return '';
      }).join('');
    }
    return { text, firstLine };
  }

  private dropped(line: number): void {
    if (this.overlongLines.length < OVERLONG_LISTED) this.overlongLines.push(line);
    this.overlongCount++;
  }
}

/** Index of the first line break in `text` (where an overlong line's tail ends). */
function lineEnd(text: string): number {
  const cr = text.indexOf('\r');
  const lf = text.indexOf('\n');
  return cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
}

function countBreaks(text: string): number {
  let count = 0;
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
    return count;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) count++;
  }
  return count;
}
