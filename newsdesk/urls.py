from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from newsdesk.articles import views as article_views
from newsdesk.core import views as core_views

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("authors/", article_views.author_index, name="author_index"),
    path("authors/<slug:slug>/", article_views.author_page, name="author"),
    path("tags/<slug:slug>/", article_views.tag_page, name="tag"),
    path("", include("newsdesk.livefeed.urls")),
    path("", include("newsdesk.newsletters.urls")),
    path("", include("newsdesk.narration.urls")),
    path("", include("newsdesk.discovery.urls")),
    path("", include(wagtail_urls)),
]

handler404 = "newsdesk.core.views.page_not_found"
handler500 = "newsdesk.core.views.server_error"
