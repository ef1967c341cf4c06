"""The yardstick: a bare Flask app whose one route returns fixed bytes read at start-up
(BENCH_BODY_FILE), served by the same gunicorn settings as the blog."""

import os
from pathlib import Path

from flask import Flask, Response

BODY = Path(os.environ["BENCH_BODY_FILE"]).read_bytes()
app = Flask(__name__)


@app.get("/<slug>")
def same_bytes(slug: str) -> Response:
    return Response(BODY, mimetype="text/html")
