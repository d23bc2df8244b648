/**
 * Writes the files' outcomes in file order as they arrive from the pool, whatever order the workers finish in:
 * the first unwritten file's blocks and outcome are written at once, later files wait in a queue (the pool starts
 * files only a window ahead, and a log's blocks wait for their turn, so the queue stays small).
 */
import { Occurrence } from '../core';
import { FileOutcome } from './analyze';
import { FileEntry } from './files';
import { FileHead, Rendered, renderOccurrences, ReportFormat } from './output';
import { PoolSink } from './pool';

/** Occurrences formatted per write, so a file with very many yields many moderate strings, never one huge one. */
const OCCURRENCES_PER_WRITE = 4096;

type Queued =
  | { readonly kind: 'chunk'; readonly language: string; readonly rendered: Rendered; readonly written: () => void }
  | { readonly kind: 'done'; readonly outcome: FileOutcome };

export interface CollateOptions {
  readonly files: readonly FileEntry[];
  readonly format: ReportFormat;
  /** Writes to stdout; never throws (the caller deals with a closed or failing output). */
  readonly write: (text: Rendered) => Promise<void>;
  /** Told about each file in order, after its output: for stderr lines and counts. */
  readonly onOutcome: (file: FileEntry, outcome: FileOutcome, partial: boolean) => void;
}

function head(file: FileEntry, language: string): FileHead {
  return { path: file.display, language, severity: file.severity ?? 'error' };
}

export class Collator implements PoolSink {
  head = 0;
  private readonly queues = new Map<number, Queued[]>();
  private chain: Promise<void> = Promise.resolve();
  /** The head file has had occurrences written (its entry is open in the output). */
  private open = false;
  private language = '';

  constructor(private readonly options: CollateOptions) {}

  chunk(index: number, language: string, rendered: Rendered): Promise<void> {
    return new Promise<void>((written) => {
      this.enqueue(index, { kind: 'chunk', language, rendered, written });
    });
  }

  done(index: number, outcome: FileOutcome): Promise<void> {
    return this.enqueue(index, { kind: 'done', outcome });
  }

  /** Resolves when everything queued for the head so far is written. */
  idle(): Promise<void> {
    return this.chain;
  }

  private enqueue(index: number, item: Queued): Promise<void> {
    let queue = this.queues.get(index);
    if (!queue) this.queues.set(index, (queue = []));
    queue.push(item);
    if (index !== this.head) return Promise.resolve();
    this.chain = this.chain.then(() => this.flush());
    return this.chain;
  }

  private async flush(): Promise<void> {
    for (;;) {
      const item = this.queues.get(this.head)?.shift();
      if (!item) return;
      const file = this.options.files[this.head];
      if (item.kind === 'chunk') {
        if (item.rendered.length > 0) await this.write(file, item.language, item.rendered);
        item.written();
        continue;
      }
      const { outcome } = item;
      const { format } = this.options;
      if (outcome.language !== undefined) {
        await this.occurrences(file, outcome.language, outcome.occurrences ?? []);
        await this.options.write(format.file(head(file, outcome.language), outcome.findings ?? []));
      } else if (this.open) {
        // Stopped after some of a log was written: close its entry so the output stays valid (stderr says why).
        await this.options.write(format.file(head(file, this.language), []));
      }
      this.options.onOutcome(file, outcome, this.open && outcome.language === undefined);
      this.queues.delete(this.head);
      this.head++;
      this.open = false;
    }
  }

  private async occurrences(file: FileEntry, language: string, occurrences: readonly Occurrence[]): Promise<void> {
    for (let from = 0; from < occurrences.length; from += OCCURRENCES_PER_WRITE) {
      await this.write(file, language, renderOccurrences(occurrences.slice(from, from + OCCURRENCES_PER_WRITE)));
    }
  }

  private async write(file: FileEntry, language: string, rendered: Rendered): Promise<void> {
    this.open = true;
    this.language = language;
    const before = this.options.format.occurrences(head(file, language));
    if (before === undefined) return;
    await this.options.write(before);
    await this.options.write(rendered);
  }
}
