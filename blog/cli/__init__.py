"""The app's command line (`flask --app blog ...`): one module per command group."""

from flask import Flask

from blog.cli.demo import demo_command
from blog.cli.pages import pages_cli
from blog.cli.users import users_cli


def init_app(app: Flask) -> None:
    """Add the `users`, `pages` and `demo` commands."""
    app.cli.add_command(users_cli)
    app.cli.add_command(pages_cli)
    app.cli.add_command(demo_command)
