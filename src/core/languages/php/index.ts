import { LanguageSpec } from '../spec';
import handlerQuery from './handlers.scm';
import statusQuery from './status.scm';

export const php: LanguageSpec = {
  id: 'php',
  name: 'PHP',
  languageIds: ['php'],
  extensions: ['.php'],
  grammar: 'php',
  lineComment: '//',
  statusQuery,
  handlerQuery,
  values: {
    number: [],
    string: [],
    transparent: [],
    conditional: [],
    identifier: [],
  },
  symbols: [],
};
