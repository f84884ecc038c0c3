"""Narration's tests publish with narration switched on (it is off for the rest of the suite)."""

import miniaudio
import numpy as np
import pytest
from django.core.cache import cache
from django.core.files.storage import default_storage

from newsdesk.conftest import paragraphs

SHORT_BODY = paragraphs(
    "Power is back in most of Kyiv.",
    "Crews worked through the night on two substations.",
    "Schools will open on Monday as planned.",
)


@pytest.fixture(autouse=True)
def narration_on(settings):
    settings.NARRATION_ON_PUBLISH = True
    settings.NARRATION_RETRY_DELAY = 0
    # The page cache (local memory) outlives a test; ids and so URLs repeat between tests.
    cache.clear()


@pytest.fixture
def publish(article_factory, django_capture_on_commit_callbacks):
    """Publish an article and run what its publication queued (the immediate task backend
    synthesises inline)."""

    def make(**kwargs):
        kwargs.setdefault("title", "Power returns")
        kwargs.setdefault("standfirst", "Repairs went faster than expected.")
        kwargs.setdefault("body", SHORT_BODY)
        with django_capture_on_commit_callbacks(execute=True):
            return article_factory(**kwargs)

    return make


@pytest.fixture
def republish(django_capture_on_commit_callbacks):
    def run(article, **changes):
        for name, value in changes.items():
            setattr(article, name, value)
        with django_capture_on_commit_callbacks(execute=True):
            article.save_revision().publish()
        return type(article).objects.get(pk=article.pk)

    return run


def decode(narration):
    """The narration's MP3 decoded: (16-bit samples, sample rate)."""
    with default_storage.open(narration.audio.name) as file:
        decoded = miniaudio.mp3_read_s16(file.read())
    assert decoded.nchannels == 1
    return np.frombuffer(decoded.samples, dtype=np.int16), decoded.sample_rate


def run_queued(result):
    """Run a task the DummyBackend holds, as a worker would (with its context)."""
    from django.tasks.base import TaskContext

    task = result.task
    args = (TaskContext(task_result=result), *result.args) if task.takes_context else result.args
    return task.call(*args, **result.kwargs)
