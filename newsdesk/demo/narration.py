"""Demo steps for narration: the newsroom's pronunciation lexicon (before the articles, whose
spoken text it changes), and the narration of every published article without audio, queued
after the load: the front page's stories first, in the order a reader meets them, the rest
shortest first."""

from django.conf import settings
from django.template.defaultfilters import pluralize

from newsdesk.demo import content
from newsdesk.frontpage.models import HomePage
from newsdesk.narration import tasks
from newsdesk.narration.models import LexiconEntry


def lexicon(log):
    created = 0
    for entry in content.LEXICON:
        _, new = LexiconEntry.objects.get_or_create(
            term=entry["term"], defaults={"say": entry["say"]}
        )
        created += new
    return created


def front_page_stories():
    """The lead, top stories, featured explainer and editors' picks, once each, in that order."""
    home = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if home is None:
        return []
    stories = [
        home.lead_story,
        *(top.article for top in home.top_stories.select_related("article")),
        home.featured_article,
        *(pick.article for pick in home.picks.select_related("article")),
    ]
    return list({story.pk: story for story in stories if story is not None}.values())


def queue(log):
    if not settings.NARRATION_ON_PUBLISH:
        return
    first = front_page_stories()
    queued = tasks.request_missing(first=first)
    if queued:
        on_front = len({a.pk for a in first} & {a.pk for a in queued})
        log.write(
            f"Narration: {len(queued)} article{pluralize(len(queued))} queued for the worker"
            + (f", the {on_front} on the front page first." if on_front else ".")
        )
