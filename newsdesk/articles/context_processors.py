from django.core.cache import cache
from django.utils.functional import SimpleLazyObject

from newsdesk.articles.models import SectionPage

NAVIGATION_KEY = "navigation:sections"


def sections_for_navigation():
    """(title, path) of every live section, as the masthead and footer list them."""

    def build():
        sections = SectionPage.objects.live().public().filter(show_in_menus=True)
        return [(section.title, section.url) for section in sections]

    return cache.get_or_set(NAVIGATION_KEY, build, 3600)


def navigation(request):
    """The sections for the masthead and footer: one cache read, and only if printed."""
    return {"nav_sections": SimpleLazyObject(sections_for_navigation)}
