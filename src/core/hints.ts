/**
 * Inlay-hint labels: what the code does not already say. After a literal (`409`) the name of the code and, for a code
 * the LTS table does not list, the verdict; after a symbolic name (`HttpStatus.CONFLICT`, `badRequest()`) only the
 * number and the verdict, since the name is in the code already.
 */
import { formatMessage, Translate } from './l10n';
import { describeStatus, StatusInfo } from './table';

/** `ltsStatus.inlayHints.symbolic`: what a hint after a symbolic name shows. */
export type SymbolicHints = 'number' | 'full' | 'off';

export interface HintOptions {
  readonly symbolic?: SymbolicHints;
  /** False: only codes the LTS table does not list get a hint (`ltsStatus.inlayHints.listed`). Default true. */
  readonly listed?: boolean;
  readonly t?: Translate;
}

/**
 * The name a hint shows for a code: HTTP's reason phrase, which is what the code in the editor means (201 "Created",
 * where the LTS table's returned value says "OK"; the hover quotes the table and explains the difference).
 */
export function hintName(info: StatusInfo): string | undefined {
  return info.httpPhrase ?? info.row?.returnedValue;
}

/** Whether `symbol` writes the number itself (`status.HTTP_429_TOO_MANY_REQUESTS`, `Status429TooManyRequests`). */
function writesNumber(symbol: string, code: number): boolean {
  return new RegExp(`(?<!\\d)${code}(?!\\d)`).test(symbol);
}

/**
 * The label of the hint after an occurrence, or undefined for none. Literal: `Too Many Requests`,
 * `Conflict · not LTS`. Symbolic (`number`, the default): `429`, `409 · not LTS`; nothing, or only `not LTS`, when the
 * name writes the number. Symbolic `full`: `429 Too Many Requests`, `409 Conflict · not LTS`.
 */
export function hintLabel(occurrence: { readonly code: number; readonly symbol?: string }, options: HintOptions = {}): string | undefined {
  const t = options.t ?? formatMessage;
  const info = describeStatus(occurrence.code);
  if (options.listed === false && info.listed) return undefined;
  const name = hintName(info);
  const verdict = (text: string) => (info.listed ? text : t('{0} · not LTS', text));
  if (!occurrence.symbol) return name ? verdict(name) : t('not LTS');
  switch (options.symbolic ?? 'number') {
    case 'off': return undefined;
    case 'full': return verdict(name ? `${occurrence.code} ${name}` : String(occurrence.code));
    case 'number':
      if (!writesNumber(occurrence.symbol, occurrence.code)) return verdict(String(occurrence.code));
      return info.listed ? undefined : t('not LTS');
  }
}
