"""Demo step: the newsroom's pronunciation lexicon, and narration of the published articles
that have none yet (a demo loaded before narration existed). Fresh articles are queued by their
own publication; the worker narrates them shortest first."""

from django.conf import settings
from django.db import transaction

from newsdesk.demo import content
from newsdesk.narration import services
from newsdesk.narration.models import LexiconEntry


def load(log):
    created = 0
    with transaction.atomic():
        for entry in content.LEXICON:
            _, new = LexiconEntry.objects.get_or_create(
                term=entry["term"], defaults={"say": entry["say"]}
            )
            created += new
        if settings.NARRATION_ON_PUBLISH:
            lexicon = LexiconEntry.objects.lexicon()
            queued = sum(
                services.request_narration(article=article, lexicon=lexicon)
                for article in services.missing(lexicon=lexicon)
            )
            if queued:
                log.write(f"Narration: {queued} articles queued for the worker.")
    return created
