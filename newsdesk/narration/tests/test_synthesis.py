"""Real Piper synthesis of short articles, from publication to stored MP3."""

import numpy as np
import pytest
from django.core.files.storage import default_storage

from newsdesk.conftest import paragraphs
from newsdesk.narration.models import Narration
from newsdesk.narration.tests.conftest import decode

pytestmark = pytest.mark.django_db


def test_it_narrates_an_article_when_it_is_published(publish):
    article = publish()
    narration = Narration.objects.get(article=article)
    assert narration.status == Narration.Status.READY
    assert narration.detail == ""
    samples, rate = decode(narration)
    decoded_seconds = len(samples) / rate
    # The MP3 decodes to the length the per-paragraph offsets add up to (within 5%)...
    assert narration.segments[-1]["end"] == pytest.approx(narration.duration, abs=0.01)
    assert decoded_seconds == pytest.approx(narration.segments[-1]["end"], rel=0.05)
    # ...and it is speech, not silence: loud enough overall, and every paragraph has sound.
    assert np.sqrt(np.mean(samples.astype(float) ** 2)) > 500
    for segment in narration.segments:
        part = samples[int(segment["start"] * rate) : int(segment["end"] * rate)]
        assert part.size and np.abs(part).max() > 5000, segment
    assert narration.byte_size == default_storage.size(narration.audio.name)
    assert narration.voice.startswith("piper:en_US-joe-medium.onnx")


def test_it_records_where_each_paragraph_starts(publish):
    article = publish()
    narration = Narration.objects.get(article=article)
    blocks = [block["id"] for block in article.get_text_blocks()]
    assert [s["id"] for s in narration.segments] == ["headline", "standfirst", *blocks]
    starts = [s["start"] for s in narration.segments]
    assert starts == sorted(starts) and starts[0] == 0
    for before, after in zip(narration.segments, narration.segments[1:], strict=False):
        assert after["start"] > before["end"]  # a pause between parts
    assert [s["id"] for s in narration.body_starts] == blocks


def test_it_narrates_unusual_unicode(publish):
    article = publish(
        title="Mixed 🙂 scripts",
        body=paragraphs(
            "Київ said \u200bhello\u200f to Zürich, Łódź and 北京 — ½ of it ✓.",
            "\u202eReversed\u202c text, e\u0301 combined, \ufeffBOM and tab\tend.",
        ),
    )
    narration = Narration.objects.get(article=article)
    assert narration.status == Narration.Status.READY
    assert len(narration.segments) == 4
