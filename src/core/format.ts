/**
 * Text shown to users: hover Markdown, inlay-hint labels, diagnostic messages and lookup details.
 * Returns plain strings; the adapters wrap them in editor types.
 */
import { LTS_ERROR_ROWS, LTS_ERROR_SOURCE } from '../data/errorCodes';
import { LTS_STATUS_SOURCE } from '../data/statusCodes';
import { ErrorCodeMention } from './errorCodes';
import { formatMessage, Translate } from './l10n';
import { codeSpan, escapeMarkdown } from './markdown';
import { describeStatus, LISTED_CODES, preferredReplacement, StatusClass, StatusInfo, statusName, suggestionsFor } from './table';

export interface FormatOptions {
  readonly t?: Translate;
  /** Codes the user allows beyond the table (setting `ltsStatus.allowedCodes`). */
  readonly allowedCodes?: ReadonlySet<number>;
}

export function classLabel(statusClass: StatusClass, t: Translate = formatMessage): string {
  switch (statusClass) {
    case 'informational': return t('Informational (1xx)');
    case 'success': return t('Success (2xx)');
    case 'redirection': return t('Redirection (3xx)');
    case 'clientError': return t('Client error (4xx)');
    case 'serverError': return t('Server error (5xx)');
  }
}

/** "409 Conflict", "299" for an unregistered code. */
export function codeWithName(code: number): string {
  const name = statusName(code);
  return name ? `${code} ${name}` : String(code);
}

function listedCodesText(): string {
  return LISTED_CODES.join(', ');
}

/** Sentences that explain a status code, as Markdown (paragraphs separated by blank lines), the source last. */
export function explainMarkdown(info: StatusInfo, options: FormatOptions = {}): string {
  const { title, body, source } = explainSections(info, options);
  return [title, ...body, source].join('\n\n');
}

/**
 * The parts of an explanation: the title line, the body (the table's description, or for a code it does not list
 * the one list of the listed codes and the nearest of them) and the source link, which always comes last.
 */
function explainSections(info: StatusInfo, options: FormatOptions): { title: string; body: string[]; source: string } {
  const t = options.t ?? formatMessage;
  const paragraphs: string[] = [];
  const title = info.row
    ? `${info.code} ${info.row.returnedValue}`
    : info.httpPhrase ? `${info.code} ${info.httpPhrase}` : String(info.code);
  const verdict = info.listed ? t('LTS status code') : t('not an LTS status code');
  const heading = `**${escapeMarkdown(title)}** — ${verdict} · ${classLabel(info.statusClass, t)}`;

  if (info.row) {
    paragraphs.push(escapeMarkdown(t(info.row.description)));
    if (info.httpPhrase && info.httpPhrase !== info.row.returnedValue) {
      paragraphs.push(t('The LTS table gives "{0}" as the returned value of {1}; the HTTP reason phrase is "{2}".',
        info.row.returnedValue, info.code, info.httpPhrase));
    }
  } else {
    if (!info.httpPhrase) {
      paragraphs.push(t('{0} is not a registered HTTP status code.', info.code));
    } else if (info.httpNote) {
      paragraphs.push(t('HTTP registry note: {0}.', t(info.httpNote)));
    }
    paragraphs.push(t('The LTS API documents only these status codes: {0}.', listedCodesText()));
    const nearest = suggestionsFor(info.code).map((code) => {
      const row = describeStatus(code).row!;
      return `**${code} ${escapeMarkdown(row.returnedValue)}** (${escapeMarkdown(t(row.description))})`;
    });
    if (nearest.length > 0) paragraphs.push(t('Nearest listed: {0}', nearest.join(t(', or '))));
    if (options.allowedCodes?.has(info.code)) {
      paragraphs.push(t('Allowed in this workspace by the setting {0}.', codeSpan('ltsStatus.allowedCodes')));
    }
  }
  const source = t('Source: [{0}]({1})', escapeMarkdown(t(LTS_STATUS_SOURCE.title)), LTS_STATUS_SOURCE.url);
  return { title: heading, body: paragraphs, source };
}

/** A one-paragraph plain-text explanation (notifications, the CLI). */
export function explainText(info: StatusInfo, options: FormatOptions = {}): string {
  const t = options.t ?? formatMessage;
  const title = codeWithName(info.code);
  if (info.row) {
    const phrase = info.httpPhrase && info.httpPhrase !== info.row.returnedValue
      ? ' ' + t('(HTTP: {0})', info.httpPhrase) : '';
    return `${title}${phrase} — ${t('LTS status code')} · ${classLabel(info.statusClass, t)}. ${t(info.row.description)}`;
  }
  const nearest = suggestionsFor(info.code).map(codeWithName).join(t(', or '));
  return `${title} — ${t('not an LTS status code')} · ${classLabel(info.statusClass, t)}. `
    + t('The LTS API documents only these status codes: {0}.', listedCodesText())
    + (nearest ? ' ' + t('Nearest listed: {0}', nearest) : '');
}

/**
 * Hover Markdown for an occurrence; `handler` comes from the document and is escaped. Sections in a fixed order: the
 * title; what the code in the document is (a name for the code, the handler that sends it); the table's description
 * or, for a code it does not list, the listed codes (once) and the nearest of them; `notes` (Markdown the caller adds,
 * such as the LTS error code on the same log line); the source link last.
 */
export function hoverMarkdown(info: StatusInfo,
  occurrence: { context: 'handler' | 'mention'; handler?: string | null; symbol?: string; via?: string; implicit?: boolean },
  options: FormatOptions = {}, notes: readonly string[] = []): string {
  const t = options.t ?? formatMessage;
  const { title, body, source } = explainSections(info, options);
  const about: string[] = [];
  if (occurrence.implicit && occurrence.symbol) {
    about.push(t('{0} answers status {1} by itself: no number is written.', codeSpan(occurrence.symbol), info.code));
  } else if (occurrence.symbol) {
    about.push(t('{0} stands for status {1}.', codeSpan(occurrence.symbol), info.code));
  }
  if (occurrence.context === 'handler' && occurrence.via) {
    about.push(occurrence.handler
      ? t('Sent by the handler {0} through {1}.', codeSpan(occurrence.handler), codeSpan(occurrence.via))
      : t('Sent through {0}.', codeSpan(occurrence.via)));
  } else if (occurrence.context === 'handler' && occurrence.handler) {
    about.push(t('Sent by the handler {0}.', codeSpan(occurrence.handler)));
  }
  return [title, ...about, ...body, ...notes, source].join('\n\n');
}

/** Shortens to `maxLength` characters with an ellipsis; 0 means no limit. */
export function truncate(text: string, maxLength: number): string {
  if (maxLength <= 0 || text.length <= maxLength) return text;
  if (maxLength === 1) return '…';
  return `${text.slice(0, maxLength - 1)}…`;
}

/**
 * The Problems-panel message for an unlisted code that a handler sends: short enough for one line of the panel,
 * naming the replacement the preferred quick fix inserts ({@link preferredReplacement}). The listed codes are in
 * the hover, not here.
 */
export function diagnosticMessage(code: number, handler: string | null | undefined, t: Translate = formatMessage): string {
  const subject = codeWithName(code);
  const replacement = preferredReplacement(code);
  if (replacement === undefined) {
    return handler ? t('{0} returns {1}, not an LTS status code', handler, subject) : t('{0} is not an LTS status code', subject);
  }
  const use = codeWithName(replacement);
  return handler
    ? t('{0} returns {1}, not an LTS status code — use {2}', handler, subject, use)
    : t('{0} is not an LTS status code — use {1}', subject, use);
}

/** The message for a code a framework answers by itself (`res.redirect(url)` answers 302): it says so. */
export function implicitMessage(code: number, handler: string | null | undefined, call: string, t: Translate = formatMessage): string {
  const subject = codeWithName(code);
  return handler
    ? t('{0} answers {1} implicitly ({2}), not an LTS status code', handler, subject, call)
    : t('{0} answers {1} implicitly, not an LTS status code', call, subject);
}

/** Hover Markdown for an error code (`LTS.0205`, `APIGW.0101`); `lineStatus` is the status on the same line, if any. */
export function errorCodeMarkdown(mention: Pick<ErrorCodeMention, 'errorCode' | 'service' | 'row'>, lineStatus?: number,
  options: FormatOptions = {}): string {
  const t = options.t ?? formatMessage;
  const code = escapeMarkdown(mention.errorCode);
  const paragraphs: string[] = [];
  const row = mention.row;
  if (row) {
    paragraphs.push(`**${code}** — ${t('LTS error code')} · ${t('comes with {0}', `**${escapeMarkdown(codeWithName(row.responseCode))}**`)}`);
    paragraphs.push(escapeMarkdown(t(row.description)));
    paragraphs.push(t('Error message: {0}', codeSpan(row.errorMessage)));
    paragraphs.push(t('Handling: {0}', escapeMarkdown(t(row.handlingMeasure))));
    if (lineStatus !== undefined && lineStatus !== row.responseCode) {
      paragraphs.push(t('The LTS table documents {0} with status {1}; this line has {2}.', code, row.responseCode, lineStatus));
    }
  } else if (mention.service === 'LTS') {
    paragraphs.push(`**${code}** — ${t('LTS error code')}`);
    paragraphs.push(t('{0} is not in the LTS error-code table, which documents {1} codes.', code, LTS_ERROR_ROWS.length));
  } else {
    paragraphs.push(`**${code}** — ${t('API Gateway error code')}`);
    paragraphs.push(t('The API Gateway in front of LTS answered, not LTS itself: {0} is not an LTS error code.', code));
  }
  paragraphs.push(t('Source: [{0}]({1})', escapeMarkdown(t(LTS_ERROR_SOURCE.title)), LTS_ERROR_SOURCE.url));
  return paragraphs.join('\n\n');
}

/** One line about an error code on the same line as a status, appended to the status hover. */
export function errorCodeNote(mention: Pick<ErrorCodeMention, 'errorCode' | 'row'>, lineStatus: number, t: Translate = formatMessage): string {
  const row = mention.row;
  if (!row) return t('{0} on this line is not in the LTS error-code table.', codeSpan(mention.errorCode));
  const mismatch = row.responseCode !== lineStatus
    ? ` ${t('The LTS table documents it with status {0}.', row.responseCode)}` : '';
  return `${t('{0} on this line: {1}', codeSpan(row.errorCode), escapeMarkdown(t(row.description)))} ${t('Handling: {0}', escapeMarkdown(t(row.handlingMeasure)))}${mismatch}`;
}

/** Plain-text explanation of an LTS error code (CLI, notifications). */
export function explainErrorText(mention: Pick<ErrorCodeMention, 'errorCode' | 'service' | 'row'>, t: Translate = formatMessage): string {
  const row = mention.row;
  if (!row) {
    return mention.service === 'LTS'
      ? t('{0} is not in the LTS error-code table, which documents {1} codes.', mention.errorCode, LTS_ERROR_ROWS.length)
      : t('The API Gateway in front of LTS answered, not LTS itself: {0} is not an LTS error code.', mention.errorCode);
  }
  return `${row.errorCode} — ${t('LTS error code')} · ${t('comes with {0}', codeWithName(row.responseCode))}. ${t(row.description)} `
    + `${t('Error message: {0}', `"${row.errorMessage}"`)}. ${t('Handling: {0}', t(row.handlingMeasure))}`;
}
