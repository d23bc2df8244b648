const express = require('express');
const { ApiError } = require('./errors');
const { replyWith } = require('./reply');

const app = express();

app.post('/v2/streams', function createStream(req, res) {
  if (!req.body) throw new ApiError(422, 'no body');
  if (req.body.exists) return replyWith(res, 409, { error: 'exists' });
  return replyWith(res, 201, { id: 1 });
});

app.use(function errorHandler(err, req, res, next) {
  res.status(err.status || 500).json({ error: err.message });
});

module.exports = app;
