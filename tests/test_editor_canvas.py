"""The editor page as a quiet canvas with honest states: its heading and Page settings, one
primary action, "changes not yet live" on published pages, moves past an end disabled and
refused, "Add block" loaded when asked for, and at most 1 KB of HTML per block."""

import pytest

from blog.extensions import db
from blog.models import Block

from helpers.builder_pages import (
    announcement,
    back_to_editor,
    build_page,
    column_ids,
    editor_page,
    fragment,
    parse_html,
)

TWO_COLUMNS = ("1-1", [["Left top", "Left bottom"], ["Right"]])
DETAILS = {"title": "Spring menu", "slug": "", "summary": "What we cook.", "tags": "food"}


def _editor(client, page_id: int, query: str = ""):
    return editor_page(client.get(f"/builder/pages/{page_id}{query}"))


def _status_and_publish(client, page_id: int) -> tuple[str, list[str]]:
    """What the editor says the page is, and the labels of its primary buttons."""
    html = _editor(client, page_id)
    actions = html.find("page-actions")
    [status] = actions.find_all(class_="status-badge")
    return status.text, [button.text for button in actions.find_all("button", class_="primary")]


# The page's heading and its settings


def test_the_editor_has_one_h1_and_it_is_the_page_title(app, auth, client):
    page = build_page(app, auth.login_as("author"), title="Field notes")
    html = _editor(client, page.id)
    assert [h1.text for h1 in html.find_all("h1")] == ["Field notes"]
    assert html.find("page-title").attrs["value"] == "Field notes"


def test_page_settings_hold_slug_summary_and_tags_and_the_title_leads(app, auth, client):
    page = build_page(app, auth.login_as("author"))
    details = _editor(client, page.id).find("page-details")
    [settings] = details.find_all("details", class_="page-settings")
    assert settings.find_all("summary")[0].text == "Page settings"
    inside = {element.id for element in settings.iter()}
    assert {"page-slug", "page-summary", "page-tags"} <= inside
    assert "page-title" not in inside
    assert "open" not in settings.attrs


def test_page_settings_open_when_a_setting_was_refused(app, auth, htmx):
    page = build_page(app, auth.login_as("author"))
    response = htmx.post(f"/builder/pages/{page.id}/details", data={**DETAILS, "slug": "login"})
    [settings] = fragment(response, 422).find_all("details", class_="page-settings")
    assert "open" in settings.attrs


def test_publish_is_the_one_primary_action(app, auth, client):
    page = build_page(app, auth.login_as("editor"))
    assert _status_and_publish(client, page.id) == ("Draft", ["Publish"])
    actions = _editor(client, page.id).find("page-actions")
    [delete] = [link for link in actions.find_all("a") if link.text == "Delete page"]
    assert "danger" in delete.attrs["class"].split()


def test_the_slug_stays_once_the_page_was_published_even_after_unpublishing(app, auth, client):
    page = build_page(app, auth.login_as("editor"), title="Untitled page", published=True)
    client.post(f"/builder/pages/{page.id}/unpublish")
    client.post(f"/builder/pages/{page.id}/details", data={**DETAILS, "slug": "untitled-page"})
    html = _editor(client, page.id)
    assert html.find("page-slug").attrs["value"] == "untitled-page"


# Published, changes not yet live


def test_a_published_page_with_draft_changes_offers_update_until_updated(app, auth, client):
    page = build_page(app, auth.login_as("editor"), published=True)
    assert _status_and_publish(client, page.id) == ("Published", ["Publish"])
    block = column_ids(app, page.rows[0])[0]
    client.post(f"/builder/blocks/{block}", data={"text": "Changed", "level": "2", "version": 1})
    assert _status_and_publish(client, page.id) == (
        "Published, changes not yet live",
        ["Update"],
    )
    client.post(f"/builder/pages/{page.id}/publish")
    assert _status_and_publish(client, page.id) == ("Published", ["Publish"])


def test_a_changed_title_of_a_published_page_is_not_live_either(app, auth, client):
    page = build_page(app, auth.login_as("editor"), title="Winter menu", published=True)
    client.post(f"/builder/pages/{page.id}/details", data={**DETAILS, "slug": "winter-menu"})
    assert _status_and_publish(client, page.id)[0] == "Published, changes not yet live"


def test_a_draft_is_a_draft_whatever_changed(app, auth, client):
    page = build_page(app, auth.login_as("editor"))
    block = column_ids(app, page.rows[0])[0]
    client.post(f"/builder/blocks/{block}", data={"text": "Changed", "level": "2", "version": 1})
    assert _status_and_publish(client, page.id) == ("Draft", ["Publish"])


def test_page_actions_come_fresh_for_htmx_and_as_the_editor_without_it(app, auth, client, htmx):
    page = build_page(app, auth.login_as("editor"), published=True)
    block = column_ids(app, page.rows[0])[0]
    client.post(f"/builder/blocks/{block}", data={"text": "Changed", "level": "2", "version": 1})
    actions = fragment(htmx.get(f"/builder/pages/{page.id}/actions"), announced=False)
    assert actions.id == "page-actions"
    assert actions.find_all(class_="status-badge")[0].text == "Published, changes not yet live"
    back_to_editor(client.get(f"/builder/pages/{page.id}/actions"), page.id)


# Moves that cannot happen


def test_moves_past_an_end_are_disabled_in_the_editor(app, auth, client):
    page = build_page(app, auth.login_as("author"), ("1", [["Top"]]), TWO_COLUMNS)
    html = _editor(client, page.id)
    disabled = {
        element.id for element in html.find_all("button", **{"aria-disabled": "true"}) if element.id
    }
    first, last = page.rows
    assert disabled == {f"row-{first}-up", f"row-{last}-down"}


@pytest.mark.parametrize("position, direction", [(0, "up"), (1, "down")])
def test_block_actions_without_javascript_disable_moves_past_an_end(
    app, auth, client, position, direction
):
    page = build_page(app, auth.login_as("author"), TWO_COLUMNS)
    block = page.blocks[0][0][position]
    actions = _editor(client, page.id, f"?edit={block}").find_all(class_="block-actions")[0]
    labels = {button.attrs.get("aria-label", button.text): button for button in actions.iter()}
    assert labels[f"Move {direction}"].attrs.get("aria-disabled") == "true"
    other = "down" if direction == "up" else "up"
    assert "aria-disabled" not in labels[f"Move {other}"].attrs


@pytest.mark.parametrize("position, direction, word", [(0, "up", "first"), (1, "down", "last")])
def test_moving_a_block_past_an_end_is_refused_and_nothing_is_announced_as_moved(
    app, auth, htmx, client, position, direction, word
):
    page = build_page(app, auth.login_as("author"), TWO_COLUMNS)
    block = page.blocks[0][0][position]
    order = column_ids(app, page.rows[0])
    response = htmx.post(f"/builder/blocks/{block}/move", data={"direction": direction})
    assert fragment(response, 422).id == f"block-{block}"
    assert announcement(response) == (
        f"This block is already {word} in its column of the page's {word} row;"
        f" it cannot move {direction}."
    )
    plain = client.post(f"/builder/blocks/{block}/move", data={"direction": direction})
    assert plain.status_code == 422
    assert "Block moved" not in plain.get_data(as_text=True)
    assert column_ids(app, page.rows[0]) == order


def test_a_block_move_answers_its_column_and_a_copy_goes_after_its_block(app, auth, htmx):
    page = build_page(app, auth.login_as("author"), TWO_COLUMNS)
    top, bottom = page.blocks[0][0]
    moved = htmx.post(f"/builder/blocks/{bottom}/move", data={"direction": "up"})
    assert fragment(moved).id == f"column-{page.rows[0]}-0"
    assert (moved.headers["HX-Retarget"], moved.headers["HX-Reswap"]) == (
        f"#column-{page.rows[0]}-0",
        "outerHTML",
    )
    copied = htmx.post(f"/builder/blocks/{top}/duplicate")
    assert (copied.headers["HX-Retarget"], copied.headers["HX-Reswap"]) == (
        f"#block-{top}",
        "afterend",
    )


# Add block, loaded when asked for


def test_add_block_loads_the_block_types_of_its_column(app, auth, htmx, client):
    page = build_page(app, auth.login_as("author"), TWO_COLUMNS)
    row = page.rows[0]
    palette = fragment(htmx.get(f"/builder/rows/{row}/columns/1/palette"), announced=False)
    [form] = palette.find_all("form")
    assert form.attrs["action"] == f"/builder/rows/{row}/columns/1/blocks"
    assert [button.text for button in form.find_all("button")][:3] == ["Heading", "Text", "Quote"]
    location = back_to_editor(client.get(f"/builder/rows/{row}/columns/1/palette"), page.id)
    assert location.endswith(f"?add={row}-1#column-{row}-1")
    opened = _editor(client, page.id, f"?add={row}-1").find(f"column-{row}-1")
    assert opened.find_all("form", action=f"/builder/rows/{row}/columns/1/blocks")
    closed = _editor(client, page.id, f"?add={row}-1").find(f"column-{row}-0")
    assert not closed.find_all("form", action=f"/builder/rows/{row}/columns/0/blocks")


def test_add_block_in_a_column_the_row_does_not_have_is_not_found(app, auth, htmx):
    page = build_page(app, auth.login_as("author"), TWO_COLUMNS)
    assert htmx.get(f"/builder/rows/{page.rows[0]}/columns/2/palette").status_code == 404


# A light editor


def test_the_editor_weighs_at_most_1_kb_of_html_per_block(app, auth, client):
    """Ten rows of two columns of five text blocks, as `make bench` measures."""
    text = ("text", {"markdown": "A paragraph of a long page, with *some* words."})
    rows = [("1-1", [[text] * 5, [text] * 5])] * 10
    page = build_page(app, auth.login_as("author"), *rows)
    body = client.get(f"/builder/pages/{page.id}").get_data()
    assert len(parse_html(body.decode()).find_all("article", class_="builder-block")) == 100
    assert len(body) / 100 <= 1024, len(body)


def test_a_block_changed_behind_the_editor_shows_its_new_content_when_reopened(app, auth, client):
    """Previews are remembered between openings, by content: a change that bumps no version
    (an import, a restore, a fix in the database) still shows."""
    page = build_page(app, auth.login_as("author"), ("1", [[("text", {"markdown": "Before"})]]))
    assert "Before" in client.get(f"/builder/pages/{page.id}").get_data(as_text=True)
    with app.app_context():
        block = db.session.get(Block, page.blocks[0][0][0])
        block.data = {"markdown": "After"}
        db.session.commit()
    previews = _editor(client, page.id).find_all(class_="block-preview")
    assert [preview.text.strip() for preview in previews] == ["After"]
