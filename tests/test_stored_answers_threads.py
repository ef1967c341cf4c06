"""The stored-answer layers' query is prepared by the first request a process answers. Under
gunicorn's threads the first requests come in together: every one of them gets its answer,
not only the one that prepared the query."""

import sys
import threading
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import literal, select

from blog.public.stored_answers import DriverQuery

THREADS = 8
FRESH_PROCESSES = 20


def _together(query: DriverQuery) -> list:
    """The query's first row, asked for by THREADS threads at the same moment."""
    start = threading.Barrier(THREADS)

    def ask(_):
        start.wait()
        return query.first(value=7)

    with ThreadPoolExecutor(THREADS) as threads:
        return list(threads.map(ask, range(THREADS)))


def test_the_first_requests_of_a_process_all_get_the_stored_answer(app):
    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads take turns often, as on a busy machine
    try:
        answers = [
            _together(DriverQuery(app, select(literal(7).label("value"))))
            for _ in range(FRESH_PROCESSES)
        ]
    finally:
        sys.setswitchinterval(switch)
    assert answers == [[(7,)] * THREADS] * FRESH_PROCESSES
