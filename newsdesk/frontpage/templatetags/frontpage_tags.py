from django import template
from wagtail.models import Site

from newsdesk.articles.models import cards_ready
from newsdesk.frontpage.models import EditorsPick, chosen_articles

register = template.Library()


@register.inclusion_tag("frontpage/components/editors_picks.html", takes_context=True)
def editors_picks(context, exclude=None):
    """The front page's editors' picks, for the end of other pages."""
    site = Site.find_for_request(context["request"])
    # The site's root page in the request's edition (newsdesk.serving.sites) is the front
    # page: its picks are read by its id alone.
    picks = chosen_articles(EditorsPick, site.root_page.pk) if site else []
    if exclude is not None:
        picks = [pick for pick in picks if pick.pk != exclude.pk]
    return {"picks": cards_ready(picks[:4], "card"), "request": context["request"]}
