import { LanguageSpec } from '../spec';
import handlerQuery from './handlers.scm';
import statusQuery from './status.scm';

export const rust: LanguageSpec = {
  id: 'rust',
  name: 'Rust',
  languageIds: ['rust'],
  extensions: ['.rs'],
  grammar: 'rust',
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
