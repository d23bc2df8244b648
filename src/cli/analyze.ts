/** Reading and analysing one file for the CLI: the same steps in the main thread and in workers. */
import * as fs from 'fs';
import { analyzeDocument, CodeEngine, readerForPath, readerLanguage } from '../core';
import { describeError, FileEntry } from './files';
import { FileResult } from './output';

/** Files larger than this are skipped (logs up to it are read whole). */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

export interface FileOutcome {
  /** The analysed file, or undefined when it was skipped or failed. */
  readonly result?: FileResult;
  /** A line for stderr, when there is something to say. */
  readonly message?: string;
  /** True for an I/O error (exit code 2). */
  readonly failed?: boolean;
}

export async function analyzeFile(engine: CodeEngine, file: FileEntry, allowedCodes: ReadonlySet<number>): Promise<FileOutcome> {
  const reader = readerForPath(file.absolute) ?? (file.explicit ? { kind: 'text' as const, language: 'plaintext' } : undefined);
  if (!reader) return {};
  let text: string;
  try {
    const size = fs.statSync(file.absolute).size;
    if (size > MAX_FILE_BYTES) return { message: `${file.display}: skipped, ${size} bytes is over the ${MAX_FILE_BYTES}-byte limit` };
    const bytes = fs.readFileSync(file.absolute);
    if (bytes.subarray(0, 8000).includes(0)) return file.explicit ? { message: `${file.display}: skipped, binary file` } : {};
    text = bytes.toString('utf8');
  } catch (error) {
    return { message: `${file.display}: ${describeError(error)}`, failed: true };
  }
  const result = await analyzeDocument(engine, text, reader, { allowedCodes });
  return {
    result: { path: file.display, language: readerLanguage(reader), result },
    ...(result.skipped ? { message: `${file.display}: not analysed (${result.skipped === 'tooLarge' ? 'too large' : 'parsing took too long'})` } : {}),
  };
}
