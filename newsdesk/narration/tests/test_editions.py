"""Narration per edition: a language without a voice (NARRATION_VOICES) is not read in another
language's voice; its articles get no player, and the admin says why."""

import pytest

from newsdesk.conftest import make_article
from newsdesk.narration.models import Narration
from newsdesk.narration.tests.conftest import SHORT_BODY

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
