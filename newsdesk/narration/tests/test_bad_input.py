"""Bad input: an empty body, a huge article, a broken voice. Clear status, the page still works."""

import pytest

from newsdesk.conftest import paragraphs
from newsdesk.narration.models import Narration

pytestmark = pytest.mark.django_db


@pytest.fixture
def broken_voice(settings, tmp_path):
    """A Piper voice file that is not a model: what a bad download or a full disk leaves."""
    model = tmp_path / "broken.onnx"
    model.write_bytes(b"this is not an ONNX model")
    (tmp_path / "broken.onnx.json").write_text("{}")
    settings.NARRATION_BACKEND = {
        "CLASS": "newsdesk.narration.backends.piper.PiperBackend",
        "OPTIONS": {"model": str(model)},
    }
    return model


def test_it_explains_why_an_empty_article_has_no_audio(publish, client):
    article = publish(body=[])
    narration = Narration.objects.get(article=article)
    assert narration.status == Narration.Status.NONE
    assert narration.detail == "Not narrated: the article has no body text to read."
    page = client.get(article.url)
    assert page.status_code == 200
    assert 'class="player"' not in page.text


def test_it_refuses_a_20000_word_article_at_once(publish, client):
    sentence = "The committee met again on Tuesday to discuss the long report in detail. "
    body = paragraphs(*[sentence * 10] * 154)  # 20,020 words
    article = publish(body=body)
    # Refused before synthesis: no audio, no attempt counted.
    narration = Narration.objects.get(article=article)
    assert narration.status == Narration.Status.NONE
    assert narration.attempts == 0 and not narration.has_audio
    assert narration.detail == (
        "Not narrated: the article has 20,020 words and the limit is 10,000 "
        "(setting NARRATION_MAX_WORDS)."
    )
    assert client.get(article.url).status_code == 200


def test_it_drops_the_old_audio_when_the_text_becomes_unnarratable(publish, republish):
    article = publish()
    assert Narration.objects.get(article=article).has_audio
    republish(article, body=[])
    narration = Narration.objects.get(article=article)
    assert not narration.has_audio
    assert narration.status == Narration.Status.NONE


def test_it_records_a_failing_backend_and_retries_a_bounded_number_of_times(
    publish, broken_voice, client
):
    article = publish()
    narration = Narration.objects.get(article=article)
    assert narration.status == Narration.Status.FAILED
    assert narration.attempts == 3
    assert narration.detail.startswith("Failed after 3 attempts: Piper could not load the voice")
    assert "broken.onnx" in narration.detail
    page = client.get(article.url)
    assert page.status_code == 200
    assert 'class="player"' not in page.text


def test_a_failing_regeneration_keeps_the_old_audio_on_the_page(
    publish, republish, settings, tmp_path, client
):
    article = publish()
    old = Narration.objects.get(article=article)
    model = tmp_path / "broken.onnx"
    model.write_bytes(b"junk")
    settings.NARRATION_BACKEND = {
        "CLASS": "newsdesk.narration.backends.piper.PiperBackend",
        "OPTIONS": {"model": str(model)},
    }
    article = republish(article, body=paragraphs("A new text the broken voice cannot read."))
    narration = Narration.objects.get(article=article)
    assert narration.status == Narration.Status.FAILED
    assert narration.audio.name == old.audio.name
    assert old.audio.url in client.get(article.url).text


def test_it_explains_a_missing_voice_file(publish, settings, tmp_path):
    settings.NARRATION_BACKEND = {
        "CLASS": "newsdesk.narration.backends.piper.PiperBackend",
        "OPTIONS": {"model": str(tmp_path / "nowhere.onnx")},
    }
    narration = Narration.objects.get(article=publish())
    assert narration.status == Narration.Status.FAILED
    assert "Piper voice model not found" in narration.detail
