import { LanguageSpec } from '../spec';
import handlerQuery from './handlers.scm';
import statusQuery from './status.scm';

export const go: LanguageSpec = {
  id: 'go',
  name: 'Go',
  languageIds: ['go'],
  extensions: ['.go'],
  grammar: 'go',
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
