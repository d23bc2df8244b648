import { LanguageSpec } from '../spec';
import handlerQuery from './handlers.scm';
import statusQuery from './status.scm';

export const python: LanguageSpec = {
  id: 'python',
  name: 'Python',
  languageIds: ['python'],
  extensions: ['.py', '.pyi'],
  grammar: 'python',
  lineComment: '#',
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
