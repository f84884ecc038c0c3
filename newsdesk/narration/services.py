"""Narration workflows: decide what to narrate, synthesise in the worker, purge what shows it.

These functions change state and return what is left to do (a `NarrationJob`); they never queue
tasks. `narration.tasks` queues the jobs, and is what views, hooks and commands call to request
a narration.
"""

import logging
import tempfile
import time
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from datetime import timedelta
from functools import partial
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import translation

from newsdesk.articles.models import ArticlePage
from newsdesk.articles.services import articles_at_or_under
from newsdesk.core.editions import language_name
from newsdesk.narration import audio, script
from newsdesk.narration.backends import BackendError, get_backend
from newsdesk.narration.lexicon import find_term
from newsdesk.narration.models import LexiconEntry, Narration
from newsdesk.serving.purge import purge_paths

logger = logging.getLogger("newsdesk.narration")
Status = Narration.Status

# Seconds between progress writes while generating: often enough for the admin's progress bar,
# rare enough not to compete with readers for the database.
PROGRESS_EVERY = 1.0
# When another worker is generating this article, look again after this long.
BUSY_RETRY = timedelta(seconds=30)
# Priorities -1 to -FIRST_PLACES are for stories a newsroom wants narrated before the others.
FIRST_PLACES = 20
_requests_held = ContextVar("narration_requests_held", default=False)


@dataclass(frozen=True)
class NarrationJob:
    """A narrate_article task to queue: for this text, not before `delay` has passed."""

    article_id: int
    text_hash: str
    force: bool = False
    priority: int = -1
    delay: timedelta | None = None


@dataclass(frozen=True)
class Outcome:
    """What narrate() did ("ready", "unchanged", "busy", "unnarratable" or "unpublished"), and
    the job to run later, if any."""

    state: str
    then: NarrationJob | None = None


class NarrationFailed(Exception):
    """Synthesis failed (the cause is chained); `retry` is the job that tries again, if any."""

    def __init__(self, message, retry=None):
        super().__init__(message)
        self.retry = retry


def current_script(article, *, lexicon=None):
    if lexicon is None:
        lexicon = LexiconEntry.objects.lexicon()
    backend = get_backend(article.locale.language_code)
    return script.build(article, lexicon=lexicon, voice=backend.identity if backend else "")


def unnarratable_reason(spoken):
    """Why `spoken` gets no audio at all (editors see this), or "" when it can be narrated."""
    if not spoken.voice:
        # Rather no audio than a voice reading another language's text.
        return (
            f"Not narrated: there is no voice for {language_name(spoken.language)} "
            f"({spoken.language}). Add one to the setting NARRATION_VOICES, e.g. "
            f"{spoken.language}=/path/to/voice.onnx."
        )
    if not spoken.body:
        return "Not narrated: the article has no body text to read."
    limit = settings.NARRATION_MAX_WORDS
    if spoken.body_words > limit:
        return (
            f"Not narrated: the article has {spoken.body_words:,} words and the limit is "
            f"{limit:,} (setting NARRATION_MAX_WORDS)."
        )
    return ""


def priority_for(spoken):
    """Shorter articles first (django.tasks runs higher priorities first), a step every 20 words
    up to 1,600 words, after every story asked for first (`first_priority`). Every narration is
    below the default priority 0, so a worker that serves all queues does its quick jobs first."""
    return -min(100, FIRST_PLACES + 1 + spoken.body_words // 20)


def first_priority(place):
    """The priority of the story to narrate `place`-th (from 0) before all others."""
    return -1 - min(place, FIRST_PLACES - 1)


def narrates_on_publish():
    return settings.NARRATION_ON_PUBLISH and not _requests_held.get()


@contextmanager
def requests_held():
    """Publications inside the block queue no narration: a bulk load (the demo) publishes many
    articles at once and then queues them with `request_missing`, in the order it chooses."""
    token = _requests_held.set(True)
    try:
        yield
    finally:
        _requests_held.reset(token)


def prepare_narration(*, article, force=False, lexicon=None, priority=None):
    """The job that narrates `article`'s published text, recorded as requested; None when the
    audio (or a queued or running narration) already covers that exact text. The priority is
    by length unless given."""
    spoken = current_script(article, lexicon=lexicon)
    narration, _ = Narration.objects.get_or_create(article=article)
    reason = unnarratable_reason(spoken)
    if reason:
        set_unnarratable(narration, reason)
        return None
    if not force:
        if narration.has_audio and narration.audio_hash == spoken.hash:
            if narration.status != Status.READY:
                narration.mark_ready(spoken.hash)
            return None
        waiting = narration.status == Status.QUEUED or (
            narration.status == Status.GENERATING and not narration.is_stale
        )
        if waiting and narration.requested_hash == spoken.hash:
            return None
    narration.mark_requested(spoken.hash)
    if priority is None:
        priority = priority_for(spoken)
    return NarrationJob(article.pk, spoken.hash, force=force, priority=priority)


def set_unnarratable(narration, reason):
    old = narration.audio.name
    narration.mark_unnarratable(reason)
    if old:
        transaction.on_commit(partial(delete_audio_file, old))
        transaction.on_commit(partial(purge, narration.article_id))


def narrate(*, article_id, text_hash="", force=False, on_progress=None, claim_id=""):
    """Synthesise the article's published text unless its audio is already current.

    Idempotent: run twice, the second run finds the audio current and does nothing. Returns an
    Outcome; raises NarrationFailed (with the retry, if one is left) when synthesis fails.
    """
    article = ArticlePage.objects.live().filter(pk=article_id).first()
    if article is None:
        Narration.objects.filter(article_id=article_id).mark_unpublished()
        return Outcome("unpublished")
    narration, _ = Narration.objects.get_or_create(article=article)
    spoken = current_script(article)
    reason = unnarratable_reason(spoken)
    if reason:
        set_unnarratable(narration, reason)
        return Outcome("unnarratable")
    if not force and narration.has_audio and narration.audio_hash == spoken.hash:
        narration.mark_ready(spoken.hash, only_if_requested=True)
        return Outcome("unchanged")
    job = NarrationJob(article_id, text_hash, force=force, priority=priority_for(spoken))
    if not narration.claim(claim_id):
        # Another worker is generating this article (perhaps an older text): look again later.
        return Outcome("busy", then=replace(job, delay=BUSY_RETRY))
    try:
        generate(narration, spoken, on_progress=on_progress)
    except Exception as exc:
        delay = record_failure(narration, exc)
        retry = replace(job, delay=delay) if delay is not None else None
        raise NarrationFailed(describe(exc), retry) from exc
    return Outcome("ready")


def generate(narration, spoken, *, on_progress=None):
    backend = get_backend(spoken.language)
    last_write = time.monotonic()

    def progress(fraction):
        nonlocal last_write
        if on_progress:
            on_progress(fraction)
        if time.monotonic() - last_write >= PROGRESS_EVERY:
            last_write = time.monotonic()
            narration.record_progress(fraction)

    started = time.monotonic()
    with tempfile.TemporaryFile(suffix=".mp3") as out:
        rendering = audio.render(
            spoken, backend, out, bitrate=settings.NARRATION_BITRATE, progress=progress
        )
        size = out.tell()
        out.seek(0)
        name = default_storage.save(
            f"narration/{narration.article_id}-{spoken.hash[:16]}.mp3", File(out)
        )
    logger.info(
        "Narrated article %s: %.1f s of audio in %.1f s",
        narration.article_id,
        rendering.duration,
        time.monotonic() - started,
    )
    store_audio(narration, spoken, rendering, name, size, backend.identity)


def store_audio(narration, spoken, rendering, name, size, voice):
    with transaction.atomic():
        current = Narration.objects.select_for_update().filter(pk=narration.pk).first()
        if current is None:  # the article was deleted while its audio was being made
            transaction.on_commit(partial(delete_audio_file, name))
            return
        old = current.audio.name
        current.attach_audio(
            name=name,
            text_hash=spoken.hash,
            voice=voice,
            duration=rendering.duration,
            size=size,
            segments=rendering.segments,
        )
        if old and old != name:
            transaction.on_commit(partial(delete_audio_file, old))
        transaction.on_commit(partial(purge, narration.article_id))


def record_failure(narration, exc):
    """Count the failed attempt; returns the delay before the next one, None after the last."""
    attempts = narration.attempts + 1
    limit = settings.NARRATION_MAX_ATTEMPTS
    message = describe(exc)
    retry = attempts < limit
    if retry:
        delay = timedelta(seconds=settings.NARRATION_RETRY_DELAY * 2 ** (attempts - 1))
        detail = f"Attempt {attempts} of {limit} failed: {message} Trying again."
    else:
        detail = f"Failed after {attempts} attempts: {message}"
    narration.mark_failed(attempts=attempts, detail=detail, retry=retry)
    logger.warning("Narration of article %s failed: %s", narration.article_id, message)
    return delay if retry else None


def describe(exc):
    if isinstance(exc, NarrationFailed):
        return str(exc)
    if isinstance(exc, BackendError):
        return str(exc).rstrip(".") + "."
    text = str(exc).strip() or "no details"
    return f"{type(exc).__name__}: {text}".rstrip(".") + "."


def delete_audio_file(name):
    try:
        default_storage.delete(name)
    except OSError:
        logger.warning("Could not delete old narration audio %s", name, exc_info=True)


def podcast_paths(article):
    with translation.override(article.locale.language_code):  # the article's edition's feeds
        paths = [reverse("podcast")]
        section = article.get_parent()
        if section is not None:
            paths.append(reverse("podcast_section", args=[section.slug]))
    return paths


def purge(article_id):
    """The page shows (or stops showing) the player and the podcast feeds change: drop them from
    the page cache and the front-end caches."""
    article = ArticlePage.objects.filter(pk=article_id).first()
    if article is not None:
        url = article.get_url()
        purge_paths([urlsplit(url).path if url else "", *podcast_paths(article)])


def article_withdrawn(*, article):
    """Unpublished (or deleted): its episode leaves the podcast feeds."""
    purge_paths(podcast_paths(article))


def restriction_changed(*, page_id):
    """A view restriction was added or removed: the podcast feeds list public articles only."""
    for article in articles_at_or_under(page_id=page_id):
        purge_paths(podcast_paths(article))


def articles_mentioning(terms):
    articles = ArticlePage.objects.live().prefetch_related("article_authors__author")
    # A cheap database filter first where the JSON of the body can be searched as text.
    if all(term.isascii() for term in terms):
        text_filter = Q()
        for term in terms:
            text_filter |= (
                Q(title__icontains=term)
                | Q(standfirst__icontains=term)
                | Q(body__icontains=term)
                | Q(article_authors__author__name__icontains=term)
            )
        articles = articles.filter(pk__in=ArticlePage.objects.filter(text_filter).values("pk"))
    for article in articles.iterator(chunk_size=100):
        text = "\n".join(text for _, _, text in script.raw_segments(article))
        if any(find_term(term, text) for term in terms):
            yield article


def terms_to_refresh(*, entries):
    """The terms whose articles lexicon entries added, edited or deleted (in the admin) change;
    none when articles are not narrated on publication."""
    terms = sorted({term for entry in entries for term in entry.affected_terms})
    return terms if settings.NARRATION_ON_PUBLISH else []


def missing(*, lexicon=None):
    """Published articles whose audio is missing or reads an older text, shortest first."""
    lexicon = lexicon if lexicon is not None else LexiconEntry.objects.lexicon()
    articles = ArticlePage.objects.live().select_related("narration").order_by("word_count", "pk")
    for article in articles.prefetch_related("article_authors__author"):
        narration = getattr(article, "narration", None)
        spoken = current_script(article, lexicon=lexicon)
        if unnarratable_reason(spoken):
            continue
        if narration is None or narration.audio_hash != spoken.hash:
            yield article


def narration_deleted(*, narration):
    """The article (and so its narration) was deleted: its audio file goes too."""
    if narration.audio:
        transaction.on_commit(partial(delete_audio_file, narration.audio.name))
