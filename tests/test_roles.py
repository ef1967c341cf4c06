"""Who may reach which protected view: the role matrix of the skeleton's routes."""

import pytest

ROLES = ("anonymous", "author", "editor", "admin")

# Expected status per role: 302 means "sent to log in".
MATRIX = {
    "/builder/": {"anonymous": 302, "author": 200, "editor": 200, "admin": 200},
    "/admin/users": {"anonymous": 302, "author": 403, "editor": 403, "admin": 200},
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url", sorted(MATRIX))
def test_role_matrix(auth, client, url, role):
    if role != "anonymous":
        auth.login_as(role)
    response = client.get(url)
    assert response.status_code == MATRIX[url][role]
    if response.status_code == 302:
        assert "/login?next=" in response.headers["Location"]


@pytest.mark.parametrize("role", ("author", "editor"))
def test_refusal_says_why_in_words(auth, client, role):
    auth.login_as(role)
    response = client.get("/admin/users")
    assert "Your account may not do this" in response.get_data(as_text=True)


def test_anonymous_cannot_create_a_page(client):
    response = client.post("/builder/pages")
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]
