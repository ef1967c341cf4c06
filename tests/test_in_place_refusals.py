"""The editor's in-place requests are never answered with a page to swap over the form: an
ended session, a deleted part or a refused action answers a short message, read out."""

from sqlalchemy import delete

from blog.auth import SESSION_ENDED
from blog.errors import EXPIRED_FORM, IN_PLACE_REFUSALS
from blog.extensions import db
from blog.models import LoginSession, Row

from helpers.builder_pages import announcement, build_page


def _save_text(htmx, block_id: int, page_id: int):
    return htmx.post(
        f"/builder/blocks/{block_id}",
        data={"version": "1", "page": str(page_id), "text": "Typed words", "level": "2"},
    )


def test_a_change_sent_after_the_session_ended_gets_401_not_the_login_page(app, auth, htmx):
    user_id = auth.login_as("editor")
    built = build_page(app, user_id)
    with app.app_context():
        db.session.execute(delete(LoginSession))
        db.session.commit()
    response = _save_text(htmx, built.blocks[0][0][0], built.id)
    assert response.status_code == 401
    assert response.mimetype == "text/plain"
    assert response.get_data(as_text=True) == SESSION_ENDED
    assert announcement(response) == SESSION_ENDED


def test_without_htmx_an_ended_session_still_leads_to_the_login_form(app, client):
    response = client.get("/builder/")
    assert response.status_code == 302
    assert response.location.startswith("/login?next=/builder/")


def test_saving_into_a_row_someone_deleted_says_so(app, auth, htmx):
    user_id = auth.login_as("editor")
    built = build_page(app, user_id)
    with app.app_context():
        db.session.execute(delete(Row).where(Row.id == built.rows[0]))
        db.session.commit()
    response = _save_text(htmx, built.blocks[0][0][0], built.id)
    assert response.status_code == 404
    assert response.get_data(as_text=True) == IN_PLACE_REFUSALS[404]
    assert announcement(response) == IN_PLACE_REFUSALS[404]


def test_an_action_the_account_may_not_take_says_so(app, auth, htmx, make_user):
    owner = make_user("author", email="owner@example.com")
    built = build_page(app, owner)
    auth.login_as("author")
    response = _save_text(htmx, built.blocks[0][0][0], built.id)
    assert response.status_code == 403
    assert response.get_data(as_text=True) == IN_PLACE_REFUSALS[403]


def test_an_expired_form_token_says_to_reload(make_app, make_user):
    app = make_app()  # CSRF checks on
    make_user("editor")
    client = app.test_client()
    response = client.post("/builder/pages", headers={"HX-Request": "true", "X-CSRFToken": "stale"})
    assert response.status_code == 400
    assert response.get_data(as_text=True) == EXPIRED_FORM


def test_the_editor_can_fetch_its_sessions_current_form_token(app, auth, client):
    auth.login_as("editor")
    token = client.get("/account/form-token").get_json()["csrf_token"]
    assert token and isinstance(token, str)


def test_without_a_session_there_is_no_form_token(app, client):
    response = client.get("/account/form-token", headers={"HX-Request": "true"})
    assert response.status_code == 401
