"""Narration workflows: request on publish, synthesise in the worker, refresh after a lexicon
change. Views, tasks, hooks and the `narrate` command all go through these functions."""

import logging
import tempfile
import time
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import timedelta
from functools import partial
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from newsdesk.articles.models import ArticlePage
from newsdesk.articles.services import articles_at_or_under
from newsdesk.narration import audio, script
from newsdesk.narration.backends import BackendError, get_backend
from newsdesk.narration.lexicon import find_term
from newsdesk.narration.models import STALE_AFTER, LexiconEntry, Narration
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


def current_script(article, *, lexicon=None):
    if lexicon is None:
        lexicon = LexiconEntry.objects.lexicon()
    return script.build(article, lexicon=lexicon, voice=get_backend().identity)


def unnarratable_reason(spoken):
    """Why `spoken` gets no audio at all (editors see this), or "" when it can be narrated."""
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


def narrate_on_publish(*, article):
    if settings.NARRATION_ON_PUBLISH and not _requests_held.get():
        request_narration(article=article)


@contextmanager
def requests_held():
    """Publications inside the block queue no narration: a bulk load (the demo) publishes many
    articles at once and then queues them with `request_missing`, in the order it chooses."""
    token = _requests_held.set(True)
    try:
        yield
    finally:
        _requests_held.reset(token)


def request_missing(*, first=()):
    """Queue every published article whose audio is missing or out of date: the articles in
    `first` in that order, ahead of all others, which go shortest first. Returns the articles
    queued."""
    lexicon = LexiconEntry.objects.lexicon()
    places = {article.pk: place for place, article in enumerate(first)}
    return [
        article
        for article in missing(lexicon=lexicon)
        if request_narration(
            article=article,
            lexicon=lexicon,
            priority=first_priority(places[article.pk]) if article.pk in places else None,
        )
    ]


def request_narration(*, article, force=False, lexicon=None, priority=None):
    """Queue the narration of `article`'s published text, unless the audio (or a queued or
    running narration) already covers that exact text. Returns True when a task was queued.
    The priority is by length unless given."""
    spoken = current_script(article, lexicon=lexicon)
    narration, _ = Narration.objects.get_or_create(article=article)
    reason = unnarratable_reason(spoken)
    if reason:
        set_unnarratable(narration, reason)
        return False
    if not force:
        if narration.has_audio and narration.audio_hash == spoken.hash:
            if narration.status != Status.READY:
                Narration.objects.filter(pk=narration.pk).update(
                    status=Status.READY, requested_hash=spoken.hash, detail="", progress=100
                )
            return False
        waiting = narration.status == Status.QUEUED or (
            narration.status == Status.GENERATING and not narration.is_stale
        )
        if waiting and narration.requested_hash == spoken.hash:
            return False
    generating = narration.status == Status.GENERATING and not narration.is_stale
    Narration.objects.filter(pk=narration.pk).update(
        # A worker busy with an older text keeps its claim; the new task waits for it.
        status=Status.GENERATING if generating else Status.QUEUED,
        requested_hash=spoken.hash,
        requested_at=timezone.now(),
        attempts=0,
        progress=narration.progress if generating else 0,
        detail="",
    )
    if priority is None:
        priority = priority_for(spoken)
    transaction.on_commit(partial(enqueue, article.pk, spoken.hash, force=force, priority=priority))
    return True


def enqueue(article_id, text_hash, *, force=False, priority=-1, delay=None):
    from newsdesk.narration.tasks import narrate_article

    options = {"priority": priority}
    if delay and narrate_article.get_backend().supports_defer:
        options["run_after"] = timezone.now() + delay
    narrate_article.using(**options).enqueue(article_id, text_hash, force)


def set_unnarratable(narration, reason):
    """No audio for this text: drop the old audio too, it reads a text that is gone."""
    old = narration.audio.name
    Narration.objects.filter(pk=narration.pk).update(
        status=Status.NONE,
        detail=reason,
        requested_hash="",
        progress=0,
        attempts=0,
        audio="",
        audio_hash="",
        duration=None,
        byte_size=None,
        segments=[],
    )
    if old:
        transaction.on_commit(partial(delete_audio_file, old))
        transaction.on_commit(partial(purge, narration.article_id))


def narrate(*, article_id, text_hash="", force=False, on_progress=None, claim_id=""):
    """Synthesise the article's published text unless its audio is already current.

    Idempotent: run twice, the second run finds the audio current and does nothing. Returns what
    happened: "ready", "unchanged", "busy", "unnarratable" or "unpublished".
    """
    article = ArticlePage.objects.live().filter(pk=article_id).first()
    if article is None:
        Narration.objects.filter(article_id=article_id, status__in=[Status.QUEUED]).update(
            status=Status.NONE, detail="Not narrated: the article is not published."
        )
        return "unpublished"
    narration, _ = Narration.objects.get_or_create(article=article)
    spoken = current_script(article)
    reason = unnarratable_reason(spoken)
    if reason:
        set_unnarratable(narration, reason)
        return "unnarratable"
    if not force and narration.has_audio and narration.audio_hash == spoken.hash:
        Narration.objects.filter(pk=narration.pk, requested_hash=spoken.hash).update(
            status=Status.READY, detail="", progress=100
        )
        return "unchanged"
    if not claim(narration, claim_id):
        # Another worker is generating this article (perhaps an older text): look again later.
        enqueue(article_id, text_hash, force=force, priority=priority_for(spoken), delay=BUSY_RETRY)
        return "busy"
    try:
        generate(narration, spoken, on_progress=on_progress)
    except Exception as exc:
        record_failure(narration, spoken, exc, text_hash=text_hash, force=force)
        raise
    return "ready"


def claim(narration, claim_id=""):
    """Mark the narration as generating unless a live worker already is; True if we got it.

    A task the worker reaper re-queued after its worker died finds its own claim and takes it
    back at once, without waiting for the claim to go stale."""
    now = timezone.now()
    busy = Q(status=Status.GENERATING, heartbeat_at__gt=now - STALE_AFTER)
    if claim_id:
        busy &= ~Q(claimed_by=claim_id)
    claimed = (
        Narration.objects.filter(pk=narration.pk)
        .exclude(busy)
        .update(status=Status.GENERATING, heartbeat_at=now, progress=0, claimed_by=claim_id)
    )
    return claimed == 1


def generate(narration, spoken, *, on_progress=None):
    backend = get_backend()
    last_write = time.monotonic()

    def progress(fraction):
        nonlocal last_write
        if on_progress:
            on_progress(fraction)
        if time.monotonic() - last_write >= PROGRESS_EVERY:
            last_write = time.monotonic()
            Narration.objects.filter(pk=narration.pk).update(
                progress=min(99, int(fraction * 100)), heartbeat_at=timezone.now()
            )

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
        current.audio = name
        current.audio_hash = spoken.hash
        current.voice = voice
        current.duration = rendering.duration
        current.byte_size = size
        current.segments = rendering.segments
        current.generated_at = timezone.now()
        current.progress = 100
        current.attempts = 0
        current.detail = ""
        current.heartbeat_at = None
        # A newer text published while we worked keeps its place in the queue.
        newer = current.requested_hash and current.requested_hash != spoken.hash
        current.status = Status.QUEUED if newer else Status.READY
        if not newer:
            current.requested_hash = spoken.hash
        current.save()
        if old and old != name:
            transaction.on_commit(partial(delete_audio_file, old))
        transaction.on_commit(partial(purge, narration.article_id))


def record_failure(narration, spoken, exc, *, text_hash, force):
    attempts = narration.attempts + 1
    limit = settings.NARRATION_MAX_ATTEMPTS
    message = describe(exc)
    retry = attempts < limit
    if retry:
        delay = timedelta(seconds=settings.NARRATION_RETRY_DELAY * 2 ** (attempts - 1))
        detail = f"Attempt {attempts} of {limit} failed: {message} Trying again."
    else:
        detail = f"Failed after {attempts} attempts: {message}"
    Narration.objects.filter(pk=narration.pk).update(
        status=Status.QUEUED if retry else Status.FAILED,
        attempts=attempts,
        detail=detail,
        heartbeat_at=None,
        progress=0,
    )
    logger.warning("Narration of article %s failed: %s", narration.article_id, message)
    if retry:
        enqueue(
            narration.article_id,
            text_hash,
            force=force,
            priority=priority_for(spoken),
            delay=delay,
        )


def describe(exc):
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


def refresh_for_terms(*, terms):
    """Re-request narration of every published article whose spoken text has one of `terms`:
    the articles a lexicon change affects, and only those."""
    lexicon = LexiconEntry.objects.lexicon()
    queued = 0
    for article in articles_mentioning(terms):
        queued += request_narration(article=article, lexicon=lexicon)
    return queued


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


def lexicon_changed(*, entries):
    """Called after lexicon entries were added, edited or deleted (in the admin)."""
    from newsdesk.narration.tasks import refresh_lexicon

    terms = sorted({term for entry in entries for term in entry.affected_terms})
    if terms and settings.NARRATION_ON_PUBLISH:
        transaction.on_commit(partial(refresh_lexicon.enqueue, terms))


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
