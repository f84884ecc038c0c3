"""The admin's report of articles that some edition lacks: published articles with fewer
translations (translation_key) than there are editions (settings.LANGUAGES)."""

from django.conf import settings
from django.db.models import Count
from wagtail.admin.views.reports import PageReportView

from newsdesk.articles.models import ArticlePage


def articles_missing_a_translation():
    keys = (
        ArticlePage.objects.values("translation_key")
        .annotate(editions=Count("locale", distinct=True))
        .filter(editions__lt=len(settings.LANGUAGES))
        .values("translation_key")
    )
    return (
        ArticlePage.objects.live()
        .filter(translation_key__in=keys)
        .select_related("locale")
        .order_by("-published_at", "-pk")
    )


class MissingTranslationsView(PageReportView):
    page_title = "Articles missing a translation"
    header_icon = "doc-empty"
    index_url_name = "missing_translations"
    index_results_url_name = "missing_translations_results"

    def get_queryset(self):
        return articles_missing_a_translation()
