from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from newsdesk.articles.admin_views import MissingTranslationsView


@hooks.register("register_admin_urls")
def register_missing_translations_urls():
    view = MissingTranslationsView
    return [
        path("reports/missing-translations/", view.as_view(), name="missing_translations"),
        path(
            "reports/missing-translations/results/",
            view.as_view(results_only=True),
            name="missing_translations_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_missing_translations_menu_item():
    return MenuItem(
        "Missing translations",
        reverse("missing_translations"),
        name="missing-translations",
        icon_name="doc-empty",
        order=750,
    )
