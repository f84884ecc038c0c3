"""Narration's tasks, and the functions that queue them: what views, hooks, signals and commands
call to have an article narrated. The services decide and return the jobs; this module queues
them, once the transaction that asked commits."""

from django.tasks import task
from django.utils import timezone

from newsdesk.core.tasks import enqueue_on_commit
from newsdesk.narration import services
from newsdesk.narration.models import LexiconEntry


@task(queue_name="narration", takes_context=True)
def narrate_article(context, article_id, text_hash, force=False):
    """Synthesise an article's audio; does nothing when the audio already reads its text."""
    return run_narration(
        article_id=article_id, text_hash=text_hash, force=force, claim_id=context.task_result.id
    )


@task()
def refresh_lexicon(terms):
    """Queue narration of the articles whose text has one of the changed lexicon terms."""
    return refresh_for_terms(terms=terms)


def queue(job):
    """Queue a job the services returned. A backend that cannot wait (the tests') runs a
    delayed retry at once: attempts are counted, so it ends."""
    run_after = timezone.now() + job.delay if job.delay else None
    enqueue_on_commit(
        narrate_article.using(priority=job.priority),
        job.article_id,
        job.text_hash,
        job.force,
        run_after=run_after,
        or_now=True,
    )


def run_narration(*, article_id, text_hash="", force=False, on_progress=None, claim_id=""):
    """Narrate now (in the worker, or in the `narrate` command); queue what is left: a look
    again later when another worker is busy with the article, a retry after a failure."""
    try:
        outcome = services.narrate(
            article_id=article_id,
            text_hash=text_hash,
            force=force,
            on_progress=on_progress,
            claim_id=claim_id,
        )
    except services.NarrationFailed as failure:
        if failure.retry:
            queue(failure.retry)
        raise
    if outcome.then:
        queue(outcome.then)
    return outcome.state


def request_narration(*, article, force=False, lexicon=None, priority=None):
    """Queue the narration of `article`'s published text unless its audio (or a queued or
    running narration) already covers that exact text. True when a task was queued."""
    job = services.prepare_narration(
        article=article, force=force, lexicon=lexicon, priority=priority
    )
    if job:
        queue(job)
    return job is not None


def narrate_on_publish(*, article):
    if services.narrates_on_publish():
        request_narration(article=article)


def request_missing(*, first=()):
    """Queue every published article whose audio is missing or out of date: the articles in
    `first` in that order, ahead of all others, which go shortest first. Returns the articles
    queued."""
    lexicon = LexiconEntry.objects.lexicon()
    places = {article.pk: place for place, article in enumerate(first)}
    return [
        article
        for article in services.missing(lexicon=lexicon)
        if request_narration(
            article=article,
            lexicon=lexicon,
            priority=services.first_priority(places[article.pk]) if article.pk in places else None,
        )
    ]


def refresh_for_terms(*, terms):
    """Re-request narration of every published article whose spoken text has one of `terms`:
    the articles a lexicon change affects, and only those."""
    lexicon = LexiconEntry.objects.lexicon()
    return sum(
        request_narration(article=article, lexicon=lexicon)
        for article in services.articles_mentioning(terms)
    )


def lexicon_changed(*, entries):
    """Called after lexicon entries were added, edited or deleted (in the admin)."""
    terms = services.terms_to_refresh(entries=entries)
    if terms:
        enqueue_on_commit(refresh_lexicon, terms)
