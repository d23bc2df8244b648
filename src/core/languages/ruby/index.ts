import { LanguageSpec } from '../spec';
import flowQuery from './flow.scm';
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
  flowQuery,
  values: {
    number: ['integer'],
    string: ['string'],
    transparent: ['parenthesized_statements'],
    conditional: [{ type: 'conditional', arms: ['consequence', 'alternative'] }],
    // `constant`: CONFLICT = 409; `identifier`: a helper's `code` parameter
    identifier: ['constant', 'identifier'],
  },
  flow: {
    // `{ … }.freeze` is the hash itself.
    through: ['freeze'],
    tables: { maps: [{ type: 'hash', entry: 'pair', value: 'value' }], reads: [{ type: 'element_reference', table: 'object' }] },
    // `err.status`, `self.status = x`, `Codes::CONFLICT`; a `call` with arguments, or without a receiver, is a call.
    member: [
      { type: 'call', object: 'receiver', property: 'method', arguments: 'arguments' },
      { type: 'scope_resolution', object: 'scope', property: 'name' },
    ],
    call: [{ type: 'call', function: 'method' }],
    fallback: [{ type: 'binary', operators: ['||', 'or'], arms: ['left', 'right'] }],
    // notify(msg, status: 409), ApiError.new('x', :status => 409)
    keyword: [{ type: 'pair', name: 'key', value: 'value' }],
    self: ['self'],
    selfField: ['instance_variable'],
    // pusher = Pusher.new(…); render plain: pusher.message, status: pusher.code
    typedLocals: true,
    getters: true,
    constructors: ['initialize', 'new'],
    // def respond(data, status = 200), def respond(data, status: 200)
    defaults: ['value'],
  },
  // A file is parsed only if it has a status-like number and one of these words (or matches `hint`).
  trigger: /status|head|render|redirect|halt|error|response|expect|assert|code|send_|raise|\[\s*[1-5][0-9][0-9]\s*,/i,
  symbols: [
    // Rails / Rack status symbols: :conflict, :not_found, :unprocessable_entity, :no_content. The assert_response
    // classes :success, :redirect, :missing, :error stand for ranges, not codes.
    { pattern: /^:(?!(?:success|redirect|missing|error)$)(?<name>[a-z_]+)$/ },
    // Net::HTTPConflict, Net::HTTPNotFound (Net::HTTPSuccess and other families are no status name)
    { pattern: /^Net::HTTP(?<name>[A-Z][A-Za-z]+)$/ },
    // raise ActionController::BadRequest, raise Sinatra::NotFound
    { pattern: /^(?:ActionController|Sinatra)::(?<name>BadRequest|NotFound)$/ },
  ],
  names: {
    // Net::HTTP's singular class names: Net::HTTPMultipleChoice, Net::HTTPSwitchProtocol
    MultipleChoice: 300,
    SwitchProtocol: 101,
  },
  // With status flow, a file that stores, forwards or sends a status for other files is parsed without a number.
  flowTrigger: /status|code/i,
  hint: /\bstatus(?::\s*|\s*=>\s*|\s*=\s*)\(?:\w|\bhead\s*\(?:\w|have_http_status|assert_response|Net::HTTP[A-Z]|raise\s+(?:ActionController::BadRequest|Sinatra::NotFound)|\bredirect(?:_to|_back|_back_or_to)?[\s(]/,
};
