from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, register_converter
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.views import account as wagtailadmin_account
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.documents.views import serve as wagtaildocs_serve

from newsdesk.articles import views as article_views
from newsdesk.core import views as core_views
from newsdesk.core.converters import UnicodeSlugConverter
from newsdesk.core.ratelimit import form_rate_limit
from newsdesk.serving.exempt import page_cache_exempt

# Wagtail's public forms, at their own paths and names but rate limited: the passwords of
# private pages and documents (guessable without a limit), and the admin's password reset
# (mail to staff on anyone's request). Sign-in forms have the lockout (newsdesk.accounts).
# Tag slugs keep their letters (taggit's slugs of Ukrainian tags are Cyrillic).
register_converter(UnicodeSlugConverter, "uslug")

wagtail_public_forms = [
    # Wagtail's front-end sign-in (for pages restricted to signed-in users) is Django's plain
    # form: it would sign staff in without their two-factor code. There is one sign-in, the
    # admin's, with the lockout and the code; it returns to `next` as this one did.
    path(
        "_util/login/",
        RedirectView.as_view(pattern_name="wagtailadmin_login", query_string=True),
        name="wagtailcore_login",
    ),
    page_cache_exempt(
        path(
            "admin/password_reset/",
            form_rate_limit("password-reset")(wagtailadmin_account.PasswordResetView.as_view()),
            name="wagtailadmin_password_reset",
        )
    ),
    page_cache_exempt(
        path(
            "documents/authenticate_with_password/<int:restriction_id>/",
            form_rate_limit("document-password")(wagtaildocs_serve.authenticate_with_password),
            name="wagtaildocs_authenticate_with_password",
        )
    ),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        form_rate_limit("page-password")(wagtail_views.authenticate_with_password),
        name="wagtailcore_authenticate_with_password",
    ),
]

urlpatterns = [
    *wagtail_public_forms,
    # Never from the page cache: health as it is now, staff's admin, private documents.
    page_cache_exempt(path("healthz", core_views.healthz, name="healthz")),
    page_cache_exempt(path("admin/", include(wagtailadmin_urls))),
    page_cache_exempt(path("documents/", include(wagtaildocs_urls))),
]

# Every reader page once per edition: the default language at /, the others under /<code>/.
urlpatterns += i18n_patterns(
    path("authors/", article_views.author_index, name="author_index"),
    path("authors/<slug:slug>/", article_views.author_page, name="author"),
    path("tags/<uslug:slug>/", article_views.tag_page, name="tag"),
    path("", include("newsdesk.livefeed.urls")),
    path("", include("newsdesk.newsletters.urls")),
    path("", include("newsdesk.narration.urls")),
    path("", include("newsdesk.discovery.urls")),
    path("", include("newsdesk.members.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler404 = "newsdesk.core.views.page_not_found"
handler500 = "newsdesk.core.views.server_error"
