import { LanguageSpec } from '../spec';
import handlerQuery from './handlers.scm';
import statusQuery from './status.scm';

export const ruby: LanguageSpec = {
  id: 'ruby',
  name: 'Ruby',
  languageIds: ['ruby'],
  extensions: ['.rb', '.rake'],
  grammar: 'ruby',
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
