"""History lists draft checkpoints beside published revisions, newest first, with who, when
and how much changed; Preview shows any entry as readers would get it (not indexed) and
Compare what differs from the current draft, word by word, escaped."""

import pytest

from blog.builder.history_entries import ENTRIES_SHOWN
from blog.extensions import db

from helpers.builder_pages import build_page, parse_html, stored_state
from helpers.checkpoints import checkpoint_ids
from helpers.statement_counter import statements_sent

MENU = ("1", [["Spring menu", "Soup of the day"]])


def _edit(client, block_id: int, text: str, version: int):
    data = {"text": text, "level": "2", "version": str(version)}
    assert client.post(f"/builder/blocks/{block_id}", data=data).status_code == 303


def _menu_page(app, client, editor: int):
    """Published once (a checkpoint, then revision 1); then two edits, the second keeping
    the draft after the first as a checkpoint (the first's draft is the published one)."""
    page = build_page(app, editor, MENU, title="Menu", published=True)
    app.config["CHECKPOINT_MINUTES"] = 0
    first, second = page.blocks[0][0]
    _edit(client, first, "Summer menu", 1)
    _edit(client, second, "Soup of the week", 1)
    return page


def _html(response, status: int = 200) -> str:
    assert response.status_code == status, response.get_data(as_text=True)[:2000]
    return response.get_data(as_text=True)


def test_history_lists_checkpoints_beside_revisions_newest_first(app, auth, client):
    page = _menu_page(app, client, auth.login_as("editor"))
    history = parse_html(_html(client.get(f"/builder/pages/{page.id}/history")))
    rows = history.find_all("tbody")[0].find_all("tr")
    shown = [[cell.text for cell in row.elements[:4]] for row in rows]
    assert [(entry, by) for entry, by, _, _ in shown] == [
        ("Draft checkpoint (while editing)", "Editor"),
        ("Revision 1 Live", "Editor"),
        ("Draft checkpoint (before publishing)", "Editor"),
    ]
    assert all(when.endswith(" UTC") for _, _, when, _ in shown)
    assert [changed for _, _, _, changed in shown] == [
        "1 block changed: 1 changed",
        "Nothing changed",
        "2 blocks changed: 2 added; title changed; rows changed",
    ]


@pytest.mark.parametrize(
    ("entry", "shown", "not_shown"),
    [("revisions/1", "Spring menu", "Summer menu"), ("checkpoint", "Summer menu", "Spring menu")],
)
def test_preview_shows_an_entry_as_readers_would_get_it_unindexed(
    app, auth, client, entry, shown, not_shown
):
    page = _menu_page(app, client, auth.login_as("editor"))
    if entry == "checkpoint":
        entry = f"checkpoints/{checkpoint_ids(app, page.id)[-1]}"
    response = client.get(f"/builder/pages/{page.id}/{entry}/preview")
    html = _html(response)
    assert shown in html and "Soup of the day" in html and not_shown not in html
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in html
    banner = parse_html(html).find_all(class_="preview-banner")[0].text
    assert banner.startswith("Preview of ") and "readers do not get this now" in banner


def test_compare_marks_the_words_the_draft_added_and_removed(app, auth, client):
    page = _menu_page(app, client, auth.login_as("editor"))
    html = _html(client.get(f"/builder/pages/{page.id}/revisions/1/compare"))
    assert "<del>Spring</del><ins>Summer</ins> menu" in html
    assert "Soup of the <del>day</del><ins>week</ins>" in html
    blocks = parse_html(html).find_all("li", class_="compared-changed")
    assert [block.find_all("h3")[0].text for block in blocks] == [
        "Heading block changed (Row 1, column 1)",
        "Heading block changed (Row 1, column 1)",
    ]


def test_compare_lists_blocks_added_and_removed(app, auth, client):
    page = _menu_page(app, client, auth.login_as("editor"))
    first, second = page.blocks[0][0]
    client.post(f"/builder/blocks/{first}/delete")
    client.post(f"/builder/rows/{page.rows[0]}/columns/0/blocks", data={"type": "quote"})
    html = _html(client.get(f"/builder/pages/{page.id}/revisions/1/compare"))
    headings = [h.text for h in parse_html(html).find_all("h3")]
    assert headings == [
        "Heading block removed (Row 1, column 1)",
        "Heading block changed (Row 1, column 1)",
        "Quote block added (Row 1, column 1)",
    ]
    assert "<del>Spring menu</del>" in html


def test_compare_says_when_the_draft_is_the_entry(app, auth, client):
    page = build_page(app, auth.login_as("editor"), MENU, published=True)
    html = _html(client.get(f"/builder/pages/{page.id}/revisions/1/compare"))
    assert "The current draft is the same as revision 1." in html


def test_an_entry_with_markup_in_its_text_shows_it_as_text(app, auth, client):
    attack = "<script>alert(1)</script> <b>bold</b>"
    editor = auth.login_as("editor")
    page = build_page(app, editor, ("1", [[attack]]), title="<i>Title</i>", published=True)
    _edit(client, page.blocks[0][0][0], "Plain words", 1)
    for view in ("compare", "preview"):
        html = _html(client.get(f"/builder/pages/{page.id}/revisions/1/{view}"))
        assert "<script>alert" not in html and "<b>bold" not in html and "<i>Title" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    history = _html(client.get(f"/builder/pages/{page.id}/history"))
    assert "<i>Title" not in history


@pytest.mark.parametrize("action", ["preview", "compare", "restore"])
def test_a_checkpoint_of_another_page_is_not_found(app, auth, client, action):
    editor = auth.login_as("editor")
    mine = build_page(app, editor, MENU, title="Mine", published=True)
    other = build_page(app, editor, MENU, title="Other", published=True)
    [forged] = checkpoint_ids(app, other.id)
    url = f"/builder/pages/{mine.id}/checkpoints/{forged}/{action}"
    before = stored_state(app)
    assert client.get(url).status_code == 404
    if action == "restore":
        assert client.post(url).status_code == 404
    assert stored_state(app) == before


def test_an_unpublished_page_without_checkpoints_has_an_empty_history(app, auth, client):
    page = build_page(app, auth.login_as("author"))
    html = _html(client.get(f"/builder/pages/{page.id}/history"))
    assert "This page has no history yet" in html


def test_the_drafts_own_preview_is_not_indexed_either(app, auth, client):
    page = build_page(app, auth.login_as("author"))
    response = client.get(f"/builder/pages/{page.id}/preview")
    assert response.headers["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in _html(response)


def _history_window(client, page_id: int, start: str = "") -> tuple[list[list[str]], dict]:
    """The rows History shows (each row's id and "Changed") and its links to more."""
    history = parse_html(_html(client.get(f"/builder/pages/{page_id}/history{start}")))
    rows = history.find_all("tbody")[0].find_all("tr")
    links = {a.text: a.attrs["href"] for a in history.find_all("a") if "entries" in a.text}
    return [[row.id, row.elements[3].text] for row in rows], links


def test_history_shows_thirty_entries_at_a_time_each_compared_with_the_one_before(
    app, auth, client
):
    page = _menu_page(app, client, auth.login_as("editor"))
    first = page.blocks[0][0][0]
    for version in range(2, ENTRIES_SHOWN + 2):
        _edit(client, first, f"Menu number {version}", version)
    total = len(checkpoint_ids(app, page.id)) + 1  # and revision 1
    assert total > ENTRIES_SHOWN

    newest, links = _history_window(client, page.id)
    assert len(newest) == ENTRIES_SHOWN
    assert links == {"Older entries": f"/builder/pages/{page.id}/history?start={ENTRIES_SHOWN}"}
    # The last one shown is compared with the entry before it, in the next window.
    assert "added" not in newest[-1][1]  # not with an empty page, as the oldest is

    older, links = _history_window(client, page.id, f"?start={ENTRIES_SHOWN}")
    assert len(older) == total - ENTRIES_SHOWN
    assert links == {"Newer entries": f"/builder/pages/{page.id}/history"}
    assert older[-1][1] == "2 blocks changed: 2 added; title changed; rows changed"
    assert len({entry_id for entry_id, _ in newest + older}) == total


@pytest.mark.parametrize("start", ["?start=-3", "?start=99999999999", "?start=soon"])
def test_a_history_window_out_of_range_shows_the_nearest_one(app, auth, client, start):
    page = _menu_page(app, client, auth.login_as("editor"))
    shown, links = _history_window(client, page.id, start)
    assert [changed for _, changed in shown][-1].startswith("2 blocks changed")
    assert links == {}


def test_history_sends_no_more_statements_for_a_long_history_than_for_a_short_one(
    app, auth, client
):
    page = _menu_page(app, client, auth.login_as("editor"))
    first = page.blocks[0][0][0]
    with app.app_context():
        engine = db.engine
    statements = {}
    for version in range(2, ENTRIES_SHOWN + 2):
        _edit(client, first, f"Menu number {version}", version)
        if version in (2, ENTRIES_SHOWN + 1):  # 4 entries, then more than a window
            with statements_sent(engine) as sent:
                _html(client.get(f"/builder/pages/{page.id}/history"))
            statements[version] = len(sent)
    # One query per kind of entry shown: the short history shows both kinds.
    assert statements[ENTRIES_SHOWN + 1] <= statements[2], statements
