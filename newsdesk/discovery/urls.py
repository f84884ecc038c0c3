from django.urls import path

from newsdesk.discovery import feeds, views


def feed_view(feed_class):
    # A Feed keeps the request on itself, so each request gets its own instance.
    def view(request, *args, **kwargs):
        return feed_class()(request, *args, **kwargs)

    return view


urlpatterns = [
    path("search/", views.search, name="search"),
    path("feeds/latest/", feed_view(feeds.ArticleFeed), name="feed_latest"),
    path("feeds/latest/atom/", feed_view(feeds.LatestAtomFeed), name="feed_latest_atom"),
    path("feeds/authors/<slug:slug>/", feed_view(feeds.AuthorFeed), name="feed_author"),
    path(
        "feeds/authors/<slug:slug>/atom/",
        feed_view(feeds.AuthorAtomFeed),
        name="feed_author_atom",
    ),
    path("feeds/<slug:slug>/", feed_view(feeds.SectionFeed), name="feed_section"),
    path("feeds/<slug:slug>/atom/", feed_view(feeds.SectionAtomFeed), name="feed_section_atom"),
    path("sitemap.xml", views.sitemap_index, name="sitemap"),
    path("sitemap-pages.xml", views.sitemap_pages, name="sitemap_pages"),
    path("news-sitemap.xml", views.news_sitemap, name="news_sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
