// Log stream service: Express routes over an in-memory store.
const express = require('express');
const { HttpError, ValidationError, QuotaExceededError } = require('./errors');

const PORT = Number(process.env.PORT) || 3000;
const MAX_BODY = '256kb';
const MAX_STREAMS_PER_GROUP = 100;
const REQUEST_TIMEOUT_MS = 15000;

const app = express();
app.use(express.json({ limit: MAX_BODY }));

const groups = new Map([['default', { id: 'default', ttlInDays: 7, streams: new Map() }]]);

function findGroup(id) {
  const group = groups.get(id);
  if (!group) throw new HttpError(404, `Log group ${id} does not exist`);
  return group;
}

app.get('/healthz', (req, res) => {
  res.sendStatus(200);
});

app.get('/v2/groups', (req, res) => {
  const limit = Math.min(Number(req.query.limit) || 20, 100);
  res.json([...groups.values()].slice(0, limit).map(({ id, ttlInDays }) => ({ id, ttlInDays })));
});

app.get('/v2/groups/:groupId/streams', (req, res) => {
  const group = findGroup(req.params.groupId);
  res.status(200).json([...group.streams.values()]);
});

app.post('/v2/groups/:groupId/streams', (req, res) => {
  if (!req.headers.authorization) {
    return res.status(401).json({ error: 'missing token' });
  }
  const group = findGroup(req.params.groupId);
  const name = req.body?.name;
  if (typeof name !== 'string' || name.length > 64) {
    throw new ValidationError({ name: 'a string of at most 64 characters' });
  }
  if (group.streams.size >= MAX_STREAMS_PER_GROUP) throw new QuotaExceededError(60);
  if (group.streams.has(name)) {
    throw new HttpError(409, `Log stream ${name} already exists`);
  }
  const stream = { name, createdAt: Date.now(), ttlInDays: group.ttlInDays };
  group.streams.set(name, stream);
  res.status(201).json(stream);
});

app.delete('/v2/groups/:groupId/streams/:name', (req, res) => {
  const group = findGroup(req.params.groupId);
  if (req.params.name.startsWith('system-')) {
    return res.status(403).json({ error: 'system streams cannot be deleted' });
  }
  group.streams.delete(req.params.name);
  res.status(204).end();
});

app.get('/console', (req, res) => {
  res.redirect('/v2/groups');
});

app.use((err, req, res, next) => {
  if (err instanceof QuotaExceededError) res.set('Retry-After', String(err.retryAfterSeconds));
  const status = err instanceof HttpError ? err.status : 500;
  res.status(status).json({ error: err.message, details: err.details });
});

const server = app.listen(PORT, () => console.log(`listening on ${PORT}`));
server.requestTimeout = REQUEST_TIMEOUT_MS;
