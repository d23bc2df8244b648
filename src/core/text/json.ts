/**
 * A forward-only JSON key tracker over one line: which keys enclose a position (`{"response":{"code":404}}` → the
 * `code` sits in `response`). It reads each character once however many positions are asked for in increasing
 * order, so a minified JSON or HAR line of several megabytes costs linear time. It never throws: on text that is
 * not JSON it answers with what it has seen (the scanner treats that as "no qualifying parent").
 */
export class JsonKeyTracker {
  private pos: number;
  /** Per open container: the key it was opened under (empty for the root or an array element). */
  private readonly parents: string[] = [];
  private readonly inObject: boolean[] = [];
  private lastKeyStart = -1;
  private lastKeyEnd = -1;
  private expectKey = false;
  /** The string the last answer stopped in, and where it closes (so asking again inside it costs nothing). */
  private openString = -1;
  private openStringEnd = -1;

  constructor(private readonly text: string, start: number, private readonly end: number) {
    this.pos = start;
  }

  /**
   * Keys of the containers around `offset` (outermost first), or undefined when `offset` lies inside a string
   * (then the text there is prose, not a JSON value). Offsets must not decrease between calls.
   */
  parentsAt(offset: number): readonly string[] | undefined {
    const text = this.text;
    let i = this.pos;
    const limit = Math.min(offset, this.end);
    while (i < limit) {
      const c = text.charCodeAt(i);
      if (c === 0x22) { // "
        const close = i === this.openString ? this.openStringEnd : this.stringEnd(i + 1);
        if (close >= offset) { this.pos = i; this.openString = i; this.openStringEnd = close; return undefined; }
        if (this.expectKey && this.inObject.length > 0 && this.inObject[this.inObject.length - 1]) {
          this.lastKeyStart = i + 1;
          this.lastKeyEnd = close;
        }
        i = close + 1;
        continue;
      }
      if (c === 0x7b || c === 0x5b) { // { [
        const top = this.inObject.length > 0 && this.inObject[this.inObject.length - 1];
        const key = top && this.lastKeyStart >= 0 ? text.slice(this.lastKeyStart, this.lastKeyEnd) : '';
        this.parents.push(key);
        this.inObject.push(c === 0x7b);
        this.expectKey = c === 0x7b;
        this.lastKeyStart = -1;
      } else if (c === 0x7d || c === 0x5d) { // } ]
        this.parents.pop();
        this.inObject.pop();
        this.expectKey = false;
        this.lastKeyStart = -1;
      } else if (c === 0x3a) { // :
        this.expectKey = false;
      } else if (c === 0x2c) { // ,
        this.expectKey = this.inObject.length > 0 && this.inObject[this.inObject.length - 1];
        this.lastKeyStart = this.expectKey ? -1 : this.lastKeyStart;
      }
      i++;
    }
    this.pos = i;
    return this.parents.filter((key) => key.length > 0);
  }

  /** The offset of the quote that closes the string whose content starts at `from` (or the end). */
  private stringEnd(from: number): number {
    const text = this.text;
    let i = from;
    for (;;) {
      const q = text.indexOf('"', i);
      if (q < 0 || q >= this.end) return this.end;
      let backslashes = 0;
      for (let b = q - 1; b >= from && text.charCodeAt(b) === 0x5c; b--) backslashes++;
      if (backslashes % 2 === 0) return q;
      i = q + 1;
    }
  }
}
