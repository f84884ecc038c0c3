from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Site

from newsdesk.articles.models import ArticlePage, attach_sections
from newsdesk.core import ratelimit
from newsdesk.discovery import search as reader_search
from newsdesk.discovery.forms import SearchForm
from newsdesk.discovery.links import absolute, page_url
from newsdesk.discovery.sitemaps import PagesSitemap, news_articles
from newsdesk.discovery.topics import popular_topics

RESULTS_PER_PAGE = 10
SUGGESTIONS = 4


def too_many_searches(request, decision):
    return ratelimit.refusal(
        decision,
        request=request,
        heading=_("Too many searches"),
        message=_("We have had too many searches from your network in the last minute or so."),
    )


@require_safe
# Counts only searches that reach the view: the page cache answers repeated ones for free.
@ratelimit.rate_limit(
    "search",
    limit=lambda: settings.SEARCH_RATE_LIMIT,
    window=lambda: settings.SEARCH_RATE_WINDOW,
    methods=("GET", "HEAD"),
    response=too_many_searches,
)
def search(request):
    form = SearchForm.for_request(request)
    query = reader_search.parse_query(request.GET.get("q", ""))
    context = {"form": form, "query": query, "filtered": form.filtered}
    if query:
        results = reader_search.search_articles(
            query=query,
            section=form.section_page,
            start=form.value("start"),
            end=form.value("end"),
            newest_first=form.value("sort") == "newest",
        )
        page = results.page(request.GET.get("page", 1), RESULTS_PER_PAGE)
        context["results"] = page
        context["many"] = results.many
        context["hits"] = reader_search.article_hits(attach_sections(page.object_list), query)
        if page.number == 1:
            context["authors"] = reader_search.search_authors(query=query)
            context["feed_items"] = reader_search.feed_item_hits(
                reader_search.search_feed_items(
                    query=query, start=form.value("start"), end=form.value("end")
                ),
                query,
            )
        context["query_string"] = urlencode(
            {
                "q": query.text,
                **{
                    name: request.GET[name]
                    for name in ("section", "start", "end", "sort")
                    if form.value(name)
                },
            }
        )
        context["query_string_without_filters"] = urlencode({"q": query.text})
        if not page.object_list and page.number == 1:
            context["latest"] = attach_sections(
                ArticlePage.objects.for_listing().in_edition()[:SUGGESTIONS]
            )
    else:
        context["topics"] = popular_topics()
    return render(request, "discovery/search.html", context)


@require_safe
def robots_txt(request):
    context = {
        "sitemaps": [absolute(reverse("sitemap")), absolute(reverse("news_sitemap"))],
        "disallowed": ["/admin/", reverse("search")],
    }
    return render(request, "discovery/robots.txt", context, content_type="text/plain")


@require_safe
def sitemap_index(request):
    """The sitemap index: one entry per 50,000 pages of the page sitemap."""
    pages = PagesSitemap(request)
    location = absolute(reverse("sitemap_pages"))
    entries = [
        {"location": location if number == 1 else f"{location}?p={number}"}
        for number in pages.paginator.page_range
    ]
    lastmod = pages.get_latest_lastmod()
    return render(
        request,
        "discovery/sitemap_index.xml",
        {"sitemaps": entries, "lastmod": lastmod},
        content_type="application/xml",
    )


@require_safe
def sitemap_pages(request):
    return wagtail_sitemap(
        request,
        sitemaps={"pages": PagesSitemap},
        section="pages",
        template_name="discovery/sitemap.xml",
    )


def publication_names(request):
    """Each edition's name for Google News (one publication per language): the default one's
    is the newsroom's, another's the title of its front page."""
    site = Site.find_for_request(request)
    if site is None:
        return {}
    roots = site.root_page.get_translations().select_related("locale")
    return {root.locale.language_code: root.title for root in roots}


@require_safe
def news_sitemap(request):
    names = publication_names(request)
    articles = [
        (page_url(article, request), article, names.get(article.locale.language_code))
        for article in news_articles().select_related("locale")
    ]
    return render(
        request,
        "discovery/news_sitemap.xml",
        {"articles": articles, "publication": settings.WAGTAIL_SITE_NAME},
        content_type="application/xml",
    )
