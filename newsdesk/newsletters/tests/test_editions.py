"""Newsletters per edition: a Ukrainian page offers the Ukrainian newsletters, and a reader who
signs up there gets every mail in Ukrainian."""

import pytest
from wagtail.models import Locale

from newsdesk.newsletters.models import Subscriber
from newsdesk.newsletters.tests.conftest import link_in, make_newsletter, path_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


@pytest.fixture
def ranok(uk_home):
    return make_newsletter(
        slug="ranok", name="Ранок", cadence="Щобудня о 7:00", locale=uk_home.locale
    )


def test_each_edition_offers_its_own_newsletters(client, newsletter, ranok):
    ukrainian = client.get("/uk/newsletters/").content.decode()
    english = client.get("/newsletters/").content.decode()
    assert "Ранок" in ukrainian and newsletter.name not in ukrainian
    assert newsletter.name in english and "Ранок" not in english
    assert 'action="/uk/newsletters/subscribe/"' in ukrainian
    front = client.get("/uk/").content.decode()
    assert 'name="newsletter" value="ranok"' in front
    assert f'value="{newsletter.slug}"' not in front


def test_a_ukrainian_sign_up_gets_ukrainian_mail(
    client, django_capture_on_commit_callbacks, smtp, ranok
):
    data = {"email": "chytach@example.org", "newsletter": ["ranok"], "source": "/uk/"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/uk/newsletters/subscribe/", data)
    assert response.status_code == 200
    assert "Дякуємо за підписку" in response.content.decode()
    assert Subscriber.objects.get().language == "uk"

    [confirmation] = smtp.wait_for(1)
    message = confirmation.message
    assert message["Subject"] == "Підтвердьте підписку на «Ранок»"
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert "Щоб підтвердити" in text and "Hello" not in text
    html = message.get_body(preferencelist=("html",)).get_content()
    assert '<html lang="uk">' in html and "Підтвердити підписку" in html
    confirm_url = link_in(message, "/uk/newsletters/confirm/")

    page = client.get(path_of(confirm_url)).content.decode()
    assert ">Підтвердити</button>" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(path_of(confirm_url))
    [_, welcome] = smtp.wait_for(2)
    assert welcome.message["Subject"] == "Вітаємо в розсилці «Ранок»"
    assert "Дякуємо за підтвердження" in welcome.message.get_body(("plain",)).get_content()
    assert "/uk/newsletters/unsubscribe/" in welcome.message.get_body(("plain",)).get_content()


def test_an_english_sign_up_still_gets_english_mail(
    client, django_capture_on_commit_callbacks, smtp, newsletter, ranok
):
    data = {"email": "reader@example.org", "newsletter": [newsletter.slug], "source": "/"}
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/newsletters/subscribe/", data)
    [confirmation] = smtp.wait_for(1)
    assert (
        confirmation.message["Subject"] == "Please confirm your subscription to The Morning Brief"
    )
    assert Locale.objects.get(language_code="uk") == ranok.locale
