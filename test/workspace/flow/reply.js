// A response helper: the status is its second parameter.
function replyWith(res, status, body) {
  return res.status(status).json(body);
}

module.exports = { replyWith };
