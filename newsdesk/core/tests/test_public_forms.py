"""Every form the public can post to has a rate limit per client address (or per link).

Sign-in (/admin/login/, which Wagtail's /_util/login/ now leads to) is covered by the login lockout
instead (newsdesk/accounts); Anymail's webhooks by their basic-auth secret.
"""

from types import SimpleNamespace

import pytest
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from newsdesk.core import ratelimit
from newsdesk.newsletters.models import Newsletter, Subscriber

pytestmark = pytest.mark.django_db

LIMIT = 3


@pytest.fixture(autouse=True)
def small_limits(settings, monkeypatch):
    settings.FORM_RATE_LIMIT = LIMIT
    settings.NEWSLETTER_SIGNUPS_PER_IP = LIMIT
    # One second into a window: no test straddles two.
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: 1_000_000 * 600 + 1))


def newsletter_signup():
    Newsletter.objects.create(slug="morning-brief", name="The Morning Brief")
    return "/newsletters/subscribe/", lambda n: {
        "email": f"reader{n}@example.org",
        "newsletter": ["morning-brief"],
        "source": "/",
    }


def page_password(section):
    from newsdesk.conftest import make_article

    article = make_article(section, title="Members only")
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="open sesame"
    )
    path = f"/_util/authenticate_with_password/{restriction.pk}/{article.pk}/"
    return path, lambda n: {"password": f"guess {n}", "return_url": article.url}


def document_password():
    collection = Collection.get_first_root_node().add_child(name="Embargoed")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="open sesame",
    )
    path = f"/documents/authenticate_with_password/{restriction.pk}/"
    return path, lambda n: {"password": f"guess {n}", "return_url": "/documents/1/x.pdf"}


def no_fields(n):
    return {}


FORMS = {
    "newsletter sign-up": lambda section: newsletter_signup(),
    "newsletter confirmation": lambda section: ("/newsletters/confirm/bad-token/", no_fields),
    "confirmation resend": lambda section: ("/newsletters/confirm/bad-token/resend/", no_fields),
    "unsubscribe": lambda section: ("/newsletters/unsubscribe/bad-token/", no_fields),
    "admin password reset": lambda section: (
        "/admin/password_reset/",
        lambda n: {"email": f"someone{n}@example.org"},
    ),
    "page password": page_password,
    "document password": lambda section: document_password(),
}


@pytest.mark.parametrize("name", FORMS)
def test_it_limits_every_public_form(client, section, name):
    path, data = FORMS[name](section)
    statuses = [
        client.post(path, data(n), REMOTE_ADDR="203.0.113.9").status_code for n in range(LIMIT)
    ]
    assert 429 not in statuses, statuses
    refused = client.post(path, data(LIMIT), REMOTE_ADDR="203.0.113.9")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "try again" in refused.content.decode()
    other = client.post(path, data(0), REMOTE_ADDR="203.0.113.10")
    if name == "unsubscribe":
        assert other.status_code == 429  # counted per link (see below), whoever posts
    else:
        assert other.status_code != 429  # counted per address


def test_it_counts_unsubscribe_posts_per_link_not_per_address(client):
    # One-click unsubscribes from a big mail provider come from a few of its servers.
    from newsdesk.newsletters import tokens

    newsletter = Newsletter.objects.create(slug="morning-brief", name="The Morning Brief")
    for n in range(LIMIT + 2):
        reader = Subscriber.objects.create(email=f"reader{n}@example.org")
        token = tokens.make_unsubscribe_token(reader.pk, newsletter.pk)
        response = client.post(
            f"/newsletters/unsubscribe/{token}/",
            "List-Unsubscribe=One-Click",
            content_type="application/x-www-form-urlencoded",
            REMOTE_ADDR="209.85.220.41",
        )
        assert response.status_code == 200


def test_the_front_end_sign_in_is_the_admins_with_its_two_factor_code(client, editor):
    # Wagtail's own /_util/login/ would sign staff in with the password alone.
    page = client.get("/_util/login/?next=/news/")
    assert page.status_code in (301, 302)
    assert page["Location"] == "/admin/login/?next=/news/"
    posted = client.post("/_util/login/", {"username": "editor", "password": "x"})
    assert posted.status_code in (301, 302) and "_auth_user_id" not in client.session
