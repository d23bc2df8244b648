import { LanguageSpec } from '../spec';
import handlerQuery from './handlers.scm';
import statusQuery from './status.scm';

export const csharp: LanguageSpec = {
  id: 'csharp',
  name: 'C#',
  languageIds: ['csharp'],
  extensions: ['.cs'],
  grammar: 'c-sharp',
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
