"""Logins through the real form of a server under gunicorn, the way a browser sends them."""

import re

from helpers.gunicorn_server import Editor, GunicornServer

# Limits in a day's window: a test never straddles the end of one (a minute's window could
# end halfway and let a second round of attempts through).
DAILY_LIMITS = {
    "BLOG_LOGIN_ATTEMPTS_PER_CLIENT": "4 per day",
    "BLOG_LOGIN_FAILURES_PER_ACCOUNT_AND_CLIENT": "100 per day",
    "BLOG_LOGIN_FAILURES_PER_ACCOUNT": "100 per day",
}
ATTEMPTS_LIMIT = 4


def login_status(server: GunicornServer, email: str, password: str) -> int:
    """The status a login with this email and password answers (a fresh browser each time)."""
    browser = Editor(server)
    _, html = browser.request("GET", "/login")
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
    form = {"csrf_token": token, "email": email, "password": password}
    status, _ = browser.request("POST", "/login", form)
    return status


def wrong_logins(servers: list[GunicornServer], count: int) -> list[int]:
    """`count` logins with a wrong password, taking the servers in turn; their statuses."""
    return [
        login_status(servers[number % len(servers)], "nobody@example.com", "not the password")
        for number in range(count)
    ]
