"""Readers' comments: checking what was posted, and rendering the approved ones."""

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field

from flask import current_app, render_template
from sqlalchemy import select

from blog.extensions import db
from blog.models import Comment, Page, utcnow
from blog.typed_text import typed_text

NAME_MAX, EMAIL_MAX, BODY_MAX = 80, 254, 5000
HONEYPOT = "website"


@dataclass
class CommentForm:
    """What a reader typed into "Write a comment", with a message per refused field."""

    name: str = ""
    email: str = ""
    body: str = ""
    errors: dict[str, str] = field(default_factory=dict)


def checked_comment(form: Mapping[str, str]) -> CommentForm:
    """The posted comment with its problems, if any: required name and body, lengths, an
    email that looks like one, and an empty honeypot."""
    comment = CommentForm(
        name=typed_text(form.get("name")).strip(),
        email=typed_text(form.get("email")).strip(),
        body=typed_text(form.get("comment"), multiline=True).strip(),
    )
    errors = comment.errors
    if form.get(HONEYPOT):
        # A person's browser may have autofilled the trap: keep their words and say so.
        errors["comment"] = (
            "This comment looks automated (a field hidden from people was filled in), so it "
            "was not posted. If you wrote it yourself, post it again: your words are kept."
        )
        return comment
    if not comment.name:
        errors["name"] = "Tell us your name (any name you like)."
    elif len(comment.name) > NAME_MAX:
        errors["name"] = f"Shorten your name to {NAME_MAX} characters or fewer."
    if comment.email and ("@" not in comment.email or len(comment.email) > EMAIL_MAX):
        errors["email"] = "That does not look like an email address; you may leave it empty."
    if not comment.body:
        errors["comment"] = "Write something before posting."
    elif len(comment.body) > BODY_MAX:
        errors["comment"] = (
            f"Comments can be up to {BODY_MAX} characters; this one has {len(comment.body)}."
        )
    return comment


def client_hash(address: str) -> str:
    """A keyed hash of the client's address: enough to spot floods, not to find anyone."""
    key = current_app.config["SECRET_KEY"].encode()
    return hashlib.sha256(key + b"|" + address.encode()).hexdigest()


def refresh_comments(page: Page) -> None:
    """Render the page's approved comments, oldest first, into the page (readers' article
    pages include this stored HTML), and note when that changed."""
    approved = db.session.scalars(
        select(Comment)
        .where(Comment.page_id == page.id, Comment.status == "approved")
        .order_by(Comment.created_at, Comment.id)
    ).all()
    page.comments_html = render_template("public/_comments.html", comments=approved)
    page.comments_changed_at = utcnow()
