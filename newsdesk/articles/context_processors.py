from django.utils.functional import SimpleLazyObject

from newsdesk.articles.models import SectionPage


def navigation(request):
    """The sections for the masthead, queried only when a template prints them."""
    return {
        "nav_sections": SimpleLazyObject(
            lambda: list(SectionPage.objects.live().public().filter(show_in_menus=True))
        )
    }
