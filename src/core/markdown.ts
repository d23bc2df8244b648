/**
 * Escapes text for CommonMark so that nothing taken from a document can become a link, an image, HTML or emphasis.
 * Hovers are also rendered untrusted and without HTML support; escaping is the second line of defence.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (ch) => `\\${ch}`).replace(/\r?\n/g, ' ');
}

/** Inline code span that holds arbitrary text safely (a fence longer than any backtick run inside). */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\r?\n/g, ' ')}${pad}${fence}`;
}
