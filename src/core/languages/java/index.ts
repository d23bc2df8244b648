import { LanguageSpec } from '../spec';
import handlerQuery from './handlers.scm';
import statusQuery from './status.scm';

export const java: LanguageSpec = {
  id: 'java',
  name: 'Java',
  languageIds: ['java'],
  extensions: ['.java'],
  grammar: 'java',
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
