/**
 * Reading and analysing one file for the CLI: the same steps in a worker thread and in the calling thread.
 * Only regular files are read (checked on the open descriptor, so a FIFO swapped in after the walk cannot block).
 * Logs are read and scanned in blocks of whole lines and their occurrences handed on block by block, so neither the
 * file nor its results are ever held whole; code files are read whole (they are bounded by MAX_CODE_CHARS).
 */
import * as fs from 'fs';
import { StringDecoder } from 'string_decoder';
import {
  analyzeDocument, CodeEngine, FlowSummary, detectLogLayout, Finding, headLines, LAYOUT_HEAD_LINES, LogLayout, MAX_CODE_CHARS, Occurrence,
  Reader, readerForPath, readerLanguage, scanText,
} from '../core';
import { describeError, FileEntry, fileKind } from './files';
import { renderOccurrences } from './output';

/**
 * The scanner reads lines of any length in linear time; a line longer than this (a multi-megabyte minified JSON log
 * line is far shorter) is not kept, so that memory stays bounded whatever the file.
 */
export const MAX_TEXT_LINE_LENGTH = 16 * 1024 * 1024;
/** Files larger than this are skipped. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;
/** Bytes read at a time from a log. */
export const READ_CHUNK_BYTES = 256 * 1024;
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
  /** The engine may be broken (it threw) or left mid-parse (it timed out): analyse the next file with a fresh one. */
  readonly restart?: boolean;
  /** A code file's status flow, for the index over the whole tree (../core/code/flow.ts). */
  readonly flow?: FlowSummary;
}

/**
 * Receives a log's occurrences block by block, rendered for the scan JSON (see renderOccurrences; '' for none);
 * resolves when the next block may come. Called for every block, so it also tells that the reading goes on.
 */
export type ChunkSink = (language: string, rendered: string) => Promise<void>;

/** The bytes of a file, or of the buffer given on stdin. */
interface Source {
  readonly size: number;
  /** Up to `size` bytes from the current position (fewer only at the end). */
  read(size: number): Buffer;
}

export async function analyzeFile(engine: CodeEngine, file: FileEntry, settings: AnalyzeSettings, onChunk: ChunkSink): Promise<FileOutcome> {
  const reader = readerForPath(file.absolute) ?? (file.explicit ? { kind: 'text' as const, language: 'plaintext' } : undefined);
  if (!reader) return { silent: true };
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
      return await analyzeSource(engine, file, reader, source, settings, onChunk);
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
    return await analyzeSource(engine, file, reader, { size: stat.size, read: (size) => readUpTo(fd, size) }, settings, onChunk);
  } catch (error) {
    return { error: describeError(error) };
  } finally {
    fs.closeSync(fd);
  }
}

async function analyzeSource(engine: CodeEngine, file: FileEntry, reader: Reader, source: Source, settings: AnalyzeSettings,
  onChunk: ChunkSink): Promise<FileOutcome> {
  if (source.size > MAX_FILE_BYTES) return { skipped: `${source.size} bytes is over the ${MAX_FILE_BYTES}-byte limit` };
  if (reader.kind === 'code' && source.size > MAX_CODE_BYTES) return { skipped: tooLarge(source.size, 'bytes') };
  const probe = source.read(BINARY_PROBE_BYTES);
  if (probe.includes(0)) return file.explicit ? { skipped: 'binary file' } : { silent: true };
  const language = readerLanguage(reader);
  if (reader.kind === 'text') {
    if (!settings.occurrences) return { language, occurrences: [], findings: [] };
    const more = await scanStream(probe, () => source.read(settings.chunkBytes ?? READ_CHUNK_BYTES), (occurrences) => onChunk(language, renderOccurrences(occurrences)));
    return more ? { skipped: `stopped reading at the ${MAX_FILE_BYTES}-byte limit` } : { language, occurrences: [], findings: [] };
  }
  const text = Buffer.concat([probe, readRest(source, MAX_CODE_BYTES - probe.length)]).toString('utf8');
  if (text.length > MAX_CODE_CHARS) return { skipped: tooLarge(text.length, 'characters') };
  const allowedCodes = file.allowedCodes ? new Set(file.allowedCodes) : settings.allowedCodes;
  let result;
  try {
    result = await analyzeDocument(engine, text, reader, {
      allowedCodes, timeoutMs: settings.timeoutMs, implicitCodes: file.implicitCodes ?? settings.implicitCodes, path: file.display,
    });
  } catch (error) {
    return { skipped: `the analysis crashed (${error instanceof Error ? error.message : String(error)})`, restart: true };
  }
  if (result.skipped === 'timeout') return { skipped: `the analysis took longer than ${seconds(settings.timeoutMs)}`, restart: true };
  if (result.skipped === 'tooLarge') return { skipped: tooLarge(text.length, 'characters') };
  return {
    language, occurrences: settings.occurrences ? result.occurrences : [], findings: result.findings,
    ...(result.flow ? { flow: result.flow } : {}),
  };
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
 * Scans a log given as byte blocks (`first`, then `next()` until it returns an empty buffer) and hands on the
 * occurrences of every block of whole lines, numbered as in the whole text. The result equals `scanText` of the whole
 * text. Returns true when it stopped at MAX_FILE_BYTES with more to read.
 */
export async function scanStream(first: Buffer, next: () => Buffer, onBlock: (occurrences: Occurrence[]) => Promise<void>,
  maxLine = MAX_TEXT_LINE_LENGTH): Promise<boolean> {
  const decoder = new StringDecoder('utf8');
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
    await onBlock(block.text ? scanText(block.text, { layout, firstLine: block.firstLine }) : []);
  };
  let total = 0;
  for (let bytes = first; ; bytes = next()) {
    if (bytes.length === 0) {
      await scan(lines.end(decoder.end()), true);
      return false;
    }
    total += bytes.length;
    await scan(lines.push(decoder.write(bytes)), false);
    if (total >= MAX_FILE_BYTES) {
      const more = next();
      if (more.length > 0) {
        if (layout === undefined && head) await scan({ text: '', firstLine: head.firstLine }, true);
        return true;
      }
      await scan(lines.end(decoder.end()), true);
      return false;
    }
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
 * A line longer than MAX_TEXT_LINE_LENGTH yields nothing in the scanner, so it is not kept: it becomes an empty line
 * (still counted), and memory stays bounded whatever the file.
 */
export class LineBlocks {
  constructor(private readonly maxLine = MAX_TEXT_LINE_LENGTH) {}

  private pending = '';
  /** The pending line is over the length limit: its text is dropped up to its line break. */
  private overlong = false;
  private line = 0;

  push(decoded: string): Block {
    const text = this.pending + decoded;
    // Cut after the last line break that cannot be the `\r` of a `\r\n` split over two reads.
    const cut = Math.max(text.lastIndexOf('\n') + 1, text.length > 1 ? text.lastIndexOf('\r', text.length - 2) + 1 : 0);
    let block = text.slice(0, cut);
    this.pending = text.slice(cut);
    if (this.overlong && cut > 0) {
      block = block.slice(lineEnd(block));
      this.overlong = false;
    }
    if (this.overlong || this.pending.length - (this.pending.endsWith('\r') ? 1 : 0) > this.maxLine) {
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
      text = text.split(/(\r\n|\r|\n)/).map((part, i) => (i % 2 === 0 && part.length > this.maxLine ? '' : part)).join('');
    }
    return { text, firstLine };
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
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) count++;
  }
  return count;
}
