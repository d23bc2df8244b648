// The application's error type: the status it is created with is sent by the error middleware in app.js.
class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

module.exports = { ApiError };
