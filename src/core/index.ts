/** Public API of the pure core, shared by the extension, the CLI and the tests. Never imports `vscode`. */
export * from './types';
export * from './table';
export * from './format';
export * from './findings';
export * from './l10n';
export * from './markdown';
export { scanLine, scanLines, MAX_TEXT_LINE_LENGTH } from './text/scan';
export { TEXT_PATTERNS } from './text/patterns';
export { CodeEngine } from './code/engine';
export type { GrammarLoader, CodeAnalysis, AnalyzeOptions, SkipReason } from './code/engine';
export { LANGUAGES, languageForId, languageForPath } from './languages';
export * from './document';
export { codeForName } from './names';
export type { LanguageSpec } from './languages';
export { LTS_STATUS_ROWS, LTS_STATUS_SOURCE } from '../data/statusCodes';
export type { LtsStatusRow } from '../data/statusCodes';
export { HTTP_STATUS_ENTRIES } from '../data/httpStatus';
