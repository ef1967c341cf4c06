"""The yardstick: a bare Flask app answering each address with fixed bytes read at start-up
(BENCH_BODIES: a JSON index of address -> [content type, file, ETag]), with 304 to a client
that holds the ETag, served by the same gunicorn settings as the blog and logging each
request through the blog's own request log, as the blog does (BLOG_LOG_FORMAT)."""

import json
import os
from pathlib import Path

from flask import Flask, Response, request

from blog import access_log

INDEX = json.loads(Path(os.environ["BENCH_BODIES"]).read_text())
ANSWERS = {
    address: (content_type, Path(file).read_bytes(), etag)
    for address, (content_type, file, etag) in INDEX.items()
}
app = Flask(__name__)
app.config["LOG_FORMAT"] = os.environ.get("BLOG_LOG_FORMAT", "text")


@app.get("/", defaults={"path": ""})
@app.get("/<path:path>")
def same_bytes(path: str) -> Response:
    content_type, body, etag = ANSWERS["/" + path]
    if etag in request.headers.get("If-None-Match", ""):
        return Response(status=304, headers={"ETag": etag})
    return Response(body, content_type=content_type, headers={"ETag": etag})


access_log.init_app(app)
