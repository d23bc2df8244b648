/**
 * Header-declared columns: a header that names the fields (`#Fields:` of W3C/IIS/CloudFront logs, `#fields` of
 * Zeek-style tab-separated logs, the first line of a CSV or TSV file) says which column holds the status for
 * every following line. The layout is computed from the first lines only (`LAYOUT_HEAD_LINES`), so a host can
 * compute it once per document and pass it with each line it scans: hover on line 50,000 reads line 50,000 only.
 */
import { keyKind, keyWords } from './keys';

export interface LogLayout {
  readonly format: 'w3c' | 'zeek' | 'csv';
  /** Zero-based line of the header; the layout applies to the lines after it. */
  readonly headerLine: number;
  readonly fields: readonly string[];
  /** Indexes into `fields` of the columns that hold a response status. */
  readonly statusColumns: readonly number[];
  /** The field separator (`w3c`: `' '`, data lines that contain a tab are split at tabs, as CloudFront writes them). */
  readonly separator: string;
  /** Index into `fields` of the request method column, if there is one (an FTP command there means no HTTP status). */
  readonly methodColumn?: number;
}

/** How many lines from the top of a document `detectLogLayout` reads (hosts pass at most these). */
export const LAYOUT_HEAD_LINES = 100;

const NAME = /^[A-Za-z_][\w .()/-]*$/;
const REQUEST_FIELD = new Set(['method', 'path', 'uri', 'url', 'request', 'route', 'endpoint', 'verb']);
/**
 * FTP commands. IIS writes its FTP service's log in the W3C format too: `cs-method` holds the command (`USER`,
 * `[3]sent`, `ControlChannelOpened`) and `sc-status` an FTP reply (331, 226), not an HTTP status.
 */
const FTP_COMMANDS = new Set([
  'ABOR', 'ACCT', 'ADAT', 'ALLO', 'APPE', 'AUTH', 'CCC', 'CDUP', 'CLNT', 'CWD', 'DELE', 'EPRT', 'EPSV', 'FEAT', 'HELP', 'HOST',
  'LANG', 'LIST', 'MDTM', 'MFMT', 'MKD', 'MLSD', 'MLST', 'MODE', 'NLST', 'NOOP', 'OPTS', 'PASS', 'PASV', 'PBSZ', 'PORT', 'PROT',
  'PWD', 'QUIT', 'REIN', 'REST', 'RETR', 'RMD', 'RNFR', 'RNTO', 'SITE', 'SIZE', 'SMNT', 'STAT', 'STOR', 'STOU', 'STRU', 'SYST',
  'TYPE', 'USER', 'XCUP', 'XCWD', 'XMKD', 'XPWD', 'XRMD',
]);
/** An FTP command as IIS logs it: `USER`, `[2]PASS`, `[3]created` (IIS 4 writes the session number first), `DataChannelOpened`. */
function isFtpCommand(value: string): boolean {
  return /^\[\d+\]/.test(value) || /^(?:Control|Data)Channel[A-Z]/.test(value) || FTP_COMMANDS.has(value.toUpperCase());
}

/** The layout that the header among the first lines of a document declares, if there is one. */
export function detectLogLayout(lines: readonly string[]): LogLayout | undefined {
  let zeekSeparator = '\t';
  let seenData = false;
  const count = Math.min(lines.length, LAYOUT_HEAD_LINES);
  for (let index = 0; index < count; index++) {
    const line = lines[index];
    if (line.startsWith('#')) {
      const w3c = /^#Fields:[ \t]*(.*)$/i.exec(line);
      if (w3c && !line.startsWith('#fields\t')) return layoutOf('w3c', index, w3c[1].trim().split(/[ \t]+/), ' ');
      if (line.startsWith('#separator ')) zeekSeparator = unescape(line.slice('#separator '.length));
      else if (line.startsWith(`#fields${zeekSeparator}`)) {
        return layoutOf('zeek', index, line.split(zeekSeparator).slice(1), zeekSeparator);
      }
      continue;
    }
    if (line.trim() === '' || seenData) continue;
    seenData = true; // only the first line that is not a comment can be a CSV/TSV header
    for (const separator of ['\t', ',', ';', '|']) {
      if (!line.includes(separator)) continue;
      const fields = splitFields(line, separator).map(([start, end]) => unquote(line.slice(start, end).trim()));
      if (fields.length >= 2 && fields.every((field) => NAME.test(field))) {
        const layout = layoutOf('csv', index, fields, separator);
        if (layout) return layout;
      }
    }
  }
  return undefined;
}

function layoutOf(format: LogLayout['format'], headerLine: number, fields: string[], separator: string): LogLayout | undefined {
  const requestColumns = fields.some((field) => keyWords(field).some((word) => REQUEST_FIELD.has(word)));
  const statusColumns: number[] = [];
  fields.forEach((field, index) => {
    const kind = keyKind(field);
    if (kind === 'status' || kind === 'plain' || (kind === 'bare' && requestColumns)) statusColumns.push(index);
  });
  if (statusColumns.length === 0) return undefined;
  const method = fields.findIndex((field) => keyWords(field).includes('method'));
  return Object.freeze({
    format, headerLine, fields: Object.freeze(fields), statusColumns: Object.freeze(statusColumns), separator,
    ...(method >= 0 ? { methodColumn: method } : {}),
  });
}

function unescape(value: string): string {
  return value.replace(/\\x([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function unquote(value: string): string {
  return value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0] ? value.slice(1, -1) : value;
}

/**
 * [start, end) of each field; a CSV field in double quotes may hold the separator (`""` is a quote). `w3c`: fields are
 * separated by runs of spaces and may be quoted too (IIS Advanced Logging, Oracle Web Cache, Incapsula write
 * `"Mozilla/5.0 (X11; Linux)"`).
 */
function splitFields(line: string, separator: string, w3c = false): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  let i = 0;
  const quotes = w3c || (separator !== ' ' && separator !== '\t');
  while (i <= line.length) {
    if (quotes && line.charCodeAt(i) === 0x22 && i === start) {
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) { j = line.length; break; }
        if (line.charCodeAt(q + 1) === 0x22) { j = q + 2; continue; }
        j = q + 1;
        break;
      }
      i = j;
      continue;
    }
    const next = line.indexOf(separator, i);
    const end = next < 0 ? line.length : next;
    out.push([start, end]);
    if (next < 0) break;
    start = i = end + separator.length;
    if (w3c) while (line.charCodeAt(i) === 0x20) start = ++i;
  }
  return out;
}

/**
 * The offsets of the status codes that the layout's columns hold on a data line, or undefined when the line does
 * not have the layout's fields (a comment, a line of another shape): then it is scanned like any text.
 */
export function layoutColumns(layout: LogLayout, text: string): number[] | undefined {
  if (text.length === 0 || text.startsWith('#')) return undefined;
  const separator = layout.format === 'w3c' && text.includes('\t') ? '\t' : layout.separator;
  const fields = splitFields(text, separator, layout.format === 'w3c' && separator === ' ');
  if (fields.length !== layout.fields.length) return undefined;
  const offsets: number[] = [];
  if (layout.methodColumn !== undefined) {
    const [start, end] = fields[layout.methodColumn];
    if (isFtpCommand(text.slice(start, end).trim())) return offsets;
  }
  for (const column of layout.statusColumns) {
    let [start, end] = fields[column];
    while (start < end && (text[start] === ' ' || text[start] === '"' || text[start] === "'")) start++;
    while (end > start && (text[end - 1] === ' ' || text[end - 1] === '"' || text[end - 1] === "'")) end--;
    if (end - start === 3 && /^[1-5]\d\d$/.test(text.slice(start, end))) offsets.push(start);
  }
  return offsets;
}
