"""Property: importing any valid document and exporting the page gives the document back."""

import pytest
from hypothesis import HealthCheck, given, settings

from blog.content.blocks import REGISTRY
from blog.content.document_export import export_page
from blog.extensions import db
from blog.models import Page, User
from blog.publishing import import_document

from helpers.page_documents import BLOCK_TYPES, documents, normalised


@pytest.fixture
def editor_id(make_user):
    return make_user("editor")


def test_generated_documents_use_every_registered_block_type():
    assert sorted(BLOCK_TYPES) == sorted(REGISTRY)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(document=documents())
def test_export_of_an_imported_document_is_the_document(app, editor_id, document):
    with app.app_context():
        page = import_document(document, db.session.get(User, editor_id))
        db.session.flush()
        # Read the page back from the database, not from the objects just built.
        db.session.expire_all()
        exported = export_page(db.session.get(Page, page.id))
        # Nothing is committed: every example starts from the same empty site.
        db.session.rollback()
    assert exported == normalised(document)
