"""Log search API (Flask)."""
import os
import time

from flask import Flask, jsonify, request

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024

SEARCH_TIMEOUT_SECONDS = 30
MAX_RESULTS = 500
RATE_LIMIT_PER_MINUTE = 120

_requests_this_minute = {}


def _over_rate_limit(client):
    minute = int(time.time() // 60)
    key = (client, minute)
    _requests_this_minute[key] = _requests_this_minute.get(key, 0) + 1
    return _requests_this_minute[key] > RATE_LIMIT_PER_MINUTE


@app.get("/healthz")
def healthz():
    return "ok", 200


@app.post("/v2/<project_id>/search")
def search(project_id):
    if "X-Auth-Token" not in request.headers:
        return jsonify(error="missing X-Auth-Token"), 401
    if _over_rate_limit(request.remote_addr):
        return jsonify(error="rate limit exceeded", retry_after=60), 429
    body = request.get_json(silent=True) or {}
    query = body.get("query")
    if not query:
        return jsonify(error="query is required"), 400
    limit = min(int(body.get("limit", 100)), MAX_RESULTS)
    started = time.monotonic()
    hits = run_query(project_id, query, limit)
    if time.monotonic() - started > SEARCH_TIMEOUT_SECONDS:
        return jsonify(error="search took too long, narrow the time range"), 408
    return jsonify(hits=hits, took_ms=int((time.monotonic() - started) * 1000))


@app.post("/v2/<project_id>/saved-searches")
def save_search(project_id):
    body = request.get_json(silent=True) or {}
    if len(body.get("name", "")) > 64:
        return jsonify(error="name is longer than 64 characters"), 422
    return jsonify(id=f"{project_id}-{len(body)}", **body), 201


@app.errorhandler(Exception)
def internal_error(err):
    app.logger.exception(err)
    return jsonify(error="internal error"), 500


def run_query(project_id, query, limit):
    return [{"project": project_id, "line": query}][:limit]


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", 5000)))
