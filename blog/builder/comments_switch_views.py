"""The page's "Comments on/off" switch in the editor: it takes effect at once, on the live
page too, for whoever may edit the page."""

from flask import request

from blog.auth.roles import any_role, require
from blog.builder import bp
from blog.builder.loading import editable_page
from blog.builder.responses import editor_url, refused
from blog.extensions import db
from blog.htmx import respond
from blog.publishing import switch_comments

CHOICES = {"on": True, "off": False}


@bp.post("/pages/<int:page_id>/comments-switch")
@require(any_role)
def comments_switch(page_id: int):
    """Turn the page's comments on or off (`comments` = "on" | "off")."""
    page = editable_page(page_id)
    choice = request.form.get("comments", "")
    if choice not in CHOICES:
        return refused(page.id, "Choose whether comments are on or off.")
    switch_comments(page, CHOICES[choice])
    db.session.commit()
    words = (
        "Comments are on: readers can write them."
        if page.comments_open
        else "Comments are off: readers see the approved ones but cannot write more."
    )
    return respond(
        fragment="builder/_comments_switch.html",
        redirect_to=editor_url(page.id),
        message=words,
        page=page,
    )
