"""Narration per edition: a language without a voice (NARRATION_VOICES) is not read in another
language's voice; its articles get no player, and the admin says why."""

from io import BytesIO

import pytest
from PIL import Image

from newsdesk.conftest import make_article
from newsdesk.narration.models import Narration
from newsdesk.narration.tests.conftest import SHORT_BODY
from newsdesk.narration.views import cover_font_file

pytestmark = pytest.mark.django_db


def test_a_language_without_a_voice_gets_no_player_and_no_error(
    client, settings, superuser, uk_section, django_capture_on_commit_callbacks, caplog
):
    settings.NARRATION_VOICES = {}
    settings.PAGE_CACHE_ENABLED = False
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(uk_section, title="Світло повернулося", body=SHORT_BODY)
    narration = Narration.objects.get(article=article)
    assert narration.status == Narration.Status.NONE
    assert "no voice for Українська (uk)" in narration.detail
    assert "NARRATION_VOICES" in narration.detail
    assert not narration.has_audio

    page = client.get(article.url)
    assert page.status_code == 200
    assert "data-player" not in page.content.decode()
    assert not [record for record in caplog.records if record.levelname in {"ERROR", "CRITICAL"}]

    client.force_login(superuser)
    admin = client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert "no voice for Українська (uk)" in admin


def test_each_edition_has_podcast_artwork_with_its_name(client, uk_home):
    english, ukrainian = client.get("/podcast/cover.png"), client.get("/uk/podcast/cover.png")
    assert english.status_code == ukrainian.status_code == 200
    for response in english, ukrainian:
        assert Image.open(BytesIO(response.content)).size == (1400, 1400)
    # The Ukrainian edition's front page title and words are drawn where a font has them
    # (DejaVu, installed with the test tools); its artwork is its own.
    assert cover_font_file() is not None
    assert english.content != ukrainian.content
