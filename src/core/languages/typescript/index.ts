// TypeScript and TSX inherit the JavaScript queries (the node types they use are the same in all three grammars)
// and know that class-member decorators stand before their method.
import { javascript, JS_FLOW_COMMON, JS_VALUES } from '../javascript';
import { LanguageSpec } from '../spec';
import flowQuery from './flow.scm';

const TS_VALUES = {
  ...JS_VALUES,
  transparent: [...JS_VALUES.transparent, 'as_expression', 'satisfies_expression', 'non_null_expression'],
};

export const typescript: LanguageSpec = {
  ...javascript,
  id: 'typescript',
  name: 'TypeScript',
  languageIds: ['typescript'],
  extensions: ['.ts', '.mts', '.cts'],
  grammar: 'typescript',
  values: TS_VALUES,
  flowQuery: [JS_FLOW_COMMON, flowQuery],
  decorators: ['decorator'],
};

export const tsx: LanguageSpec = {
  ...typescript,
  id: 'tsx',
  name: 'TypeScript React',
  languageIds: ['typescriptreact'],
  extensions: ['.tsx'],
  grammar: 'tsx',
};
