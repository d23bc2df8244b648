// Sample Express service for the LTS Status Codes extension (used by `npm run demo` and the integration tests).
const express = require('express');

const app = express();
const layout = { width: 200, height: 120 };

// Returning 409 here would not be an LTS status code.
async function createLogStream(req, res) {
  if (await exists(req.body.name)) {
    return res.status(409).json({ error_code: 'LTS.0205', error_msg: 'The log stream name has been existed' });
  }
  if (tooManyRequests(req)) {
    return res.status(429).json({ error_code: 'LTS.0000' });
  }
  res.status(201).json({ log_stream_id: 'id' });
}

async function syncGroups(client) {
  const res = await client.get('/v2/groups');
  if (res.status === 409) {
    return retry();
  }
  return res;
}

app.post('/v2/:project/groups/:group/streams', createLogStream);
app.listen(8080);

module.exports = { app, layout, syncGroups };
