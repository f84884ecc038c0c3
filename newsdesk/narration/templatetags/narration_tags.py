import json

from django import template

from newsdesk.narration.models import Narration

register = template.Library()


@register.inclusion_tag("narration/player.html")
def article_audio(article):
    """The player for an article's narration; renders nothing while there is no audio."""
    narration = None
    if article is not None and article.pk:
        joined = Narration.article.field.remote_field  # the reverse side: article.narration
        if joined.is_cached(article):  # read with the page (ArticlePage.reader_pages())
            narration = joined.get_cached_value(article)
            narration = narration if narration is not None and narration.audio else None
        else:
            narration = Narration.objects.with_audio().filter(article_id=article.pk).first()
    return {
        "narration": narration,
        "starts": json.dumps(narration.body_starts) if narration else "[]",
    }
