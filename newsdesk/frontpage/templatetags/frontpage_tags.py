from django import template
from wagtail.models import Site

from newsdesk.frontpage.models import HomePage

register = template.Library()


@register.inclusion_tag("frontpage/components/editors_picks.html", takes_context=True)
def editors_picks(context, exclude=None):
    """The front page's editors' picks, for the end of other pages."""
    site = Site.find_for_request(context["request"])
    # The site's root page in the request's edition (newsdesk.serving.sites).
    home = HomePage.objects.filter(pk=site.root_page.pk).first() if site else None
    picks = home.get_picks() if home else []
    if exclude is not None:
        picks = [pick for pick in picks if pick.pk != exclude.pk]
    return {"picks": picks[:4], "request": context["request"]}
