"""Sample Flask service for the LTS Status Codes extension (integration tests)."""
import requests
from flask import Flask, jsonify, request

app = Flask(__name__)
layout = {"width": 200, "height": 120}
width = 200


# Returning 409 here would not be an LTS status code.
@app.post("/v2/<project_id>/groups/<group_id>/streams")
def create_log_stream(project_id, group_id):
    name = request.get_json()["log_stream_name"]
    if exists(group_id, name):
        return jsonify(error_code="LTS.0205", error_msg="The log stream name has been existed"), 409  # expect: handler:409@create_log_stream
    if too_many_requests():
        return jsonify(error_code="LTS.0000"), 429
    return jsonify(log_stream_id="id"), 201


def sync_groups(session):
    resp = session.get("https://lts.example.com/v2/groups", timeout=30)
    if resp.status_code == 409:
        return retry()
    return resp.json()


def exists(group_id, name):
    return bool(group_id and name)


def too_many_requests():
    return False


def retry():
    return []
