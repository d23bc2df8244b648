/**
 * Does a field name denote an HTTP response status? Judged by the words of the name (camelCase, snake_case,
 * kebab-case, dots and glued lower-case words such as `statuscode` are split), with the vocabulary in
 * `STATUS_KEY_WORDS` (patterns.ts), not by a fixed list of names.
 */
import { STATUS_KEY_WORDS } from './patterns';

/**
 * `status`: the name denotes a response status (`elb_status_code`, `DownstreamStatus`, `resp`, `last_status`).
 * `plain`: the bare word `status`: a response status unless the line speaks of a process exit.
 * `bare`: a bare `code` (or a name that only says `code` after dropping neutral words): a status only where the
 * line is a request log line or an enclosing JSON key qualifies it (`{"response":{"code":404}}`).
 * `no`: anything else (`exit_status`, `error_code`, `status_count`, `statusText`, `sc-win32-status`).
 */
export type KeyKind = 'status' | 'plain' | 'bare' | 'no';

const vocabulary = new Set<string>([
  ...STATUS_KEY_WORDS.heads, ...STATUS_KEY_WORDS.qualifiers, ...STATUS_KEY_WORDS.negatives, ...STATUS_KEY_WORDS.neutral,
]);
const qualifiers = new Set(STATUS_KEY_WORDS.qualifiers);
const negatives = new Set(STATUS_KEY_WORDS.negatives);
const neutral = new Set(STATUS_KEY_WORDS.neutral);
const trailing = new Set(STATUS_KEY_WORDS.trailing);

/** The lower-case words of a field name: `EdgeResponseStatus` → edge response status, `sc-status` → sc status. */
export function keyWords(name: string): string[] {
  const spaced = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2').toLowerCase();
  const out: string[] = [];
  for (const word of spaced.split(/[^a-z0-9]+/)) {
    if (word.length > 0) out.push(...segment(word));
  }
  return out;
}

/** A glued word split into vocabulary words when it is made of them only (`httpstatuscode`), else as it is. */
function segment(word: string): string[] {
  if (vocabulary.has(word) || word.length > 40) return [word];
  // best[i]: a split of word[0, i) into vocabulary words, if there is one.
  const best: (string[] | undefined)[] = [[]];
  for (let end = 1; end <= word.length; end++) {
    for (let start = Math.max(0, end - 12); start < end; start++) {
      const head = best[start];
      const piece = word.slice(start, end);
      if (head && vocabulary.has(piece)) { best[end] = [...head, piece]; break; }
    }
  }
  return best[word.length] ?? [word];
}

const cache = new Map<string, KeyKind>();

export function keyKind(name: string): KeyKind {
  let kind = cache.get(name);
  if (kind === undefined) {
    kind = classify(keyWords(name));
    if (cache.size > 10_000) cache.clear();
    // A copy: `name` is often a slice of a whole block of a log, which the key would otherwise keep alive.
    cache.set((' ' + name).slice(1), kind);
  }
  return kind;
}

export function classify(words: readonly string[]): KeyKind {
  let end = words.length;
  while (end > 1 && trailing.has(words[end - 1])) end--; // statusCodeValue → status code
  if (end === 0) return 'no';
  const head = words[end - 1];
  const modifiers = words.slice(0, end - 1);
  if (modifiers.some((word) => negatives.has(word))) return 'no';
  if (head === 'status') return modifiers.every((word) => neutral.has(word) && word !== 'last') ? 'plain' : 'status';
  if (head === 'resp' || head === 'response' || head === 'rsp') return 'status';
  if (head === 'code') {
    if (modifiers.some((word) => qualifiers.has(word) || word === 'status')) return 'status';
    return modifiers.every((word) => neutral.has(word)) ? 'bare' : 'no';
  }
  return 'no';
}

/** Whether enclosing keys (JSON parents, outermost first) make a bare `code` a response status. */
export function parentsQualify(parents: readonly string[]): boolean {
  for (let i = parents.length - 1; i >= 0; i--) { // the nearest parent speaks first
    const words = keyWords(parents[i]);
    if (words.length === 0) continue;
    if (words.some((word) => negatives.has(word))) return false;
    if (words.some((word) => qualifiers.has(word))) return true; // responseStatus, http.response; not a bare status object
  }
  return false;
}
