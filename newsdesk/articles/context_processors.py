from django.utils.functional import SimpleLazyObject

from newsdesk.articles.models import SectionPage, sections_by_path
from newsdesk.core.editions import active_language
from newsdesk.serving.fragments import versioned_cache
from newsdesk.serving.lifetimes import lifetimes
from newsdesk.serving.restrictions import view_restrictions_exist
from newsdesk.serving.versions import fragment_versions


def sections_for_navigation(request):
    """(title, path) of every live section, as the masthead and footer list them, kept until
    the site's chrome changes (a section added, renamed, moved or taken down bumps it)."""

    def build():
        language = active_language()
        if view_restrictions_exist():
            sections = SectionPage.objects.live().public().in_edition(language)
            sections = sections.filter(show_in_menus=True)
        else:  # every section, which cards need too: no query of its own
            sections = [
                s
                for s in sections_by_path().values()
                if s.live and s.show_in_menus and s.locale.language_code == language
            ]
        return [(section.title, section.url) for section in sections]

    key = f"navigation:sections:{active_language()}:{fragment_versions(request).chrome}"
    return versioned_cache().get_or_set(key, build, lifetimes.versioned)


def navigation(request):
    """The sections for the masthead and footer: one cache read, and only if printed."""
    return {"nav_sections": SimpleLazyObject(lambda: sections_for_navigation(request))}
