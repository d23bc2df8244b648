// Errors the routes throw; the error handler in server.js turns them into responses.
class HttpError extends Error {
  constructor(status, message, details) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.details = details;
  }
}

class ValidationError extends HttpError {
  constructor(details) {
    super(400, 'The request body is not valid', details);
  }
}

class QuotaExceededError extends HttpError {
  constructor(retryAfterSeconds) {
    super(429, 'Too many log streams created, slow down');
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

module.exports = { HttpError, ValidationError, QuotaExceededError };
