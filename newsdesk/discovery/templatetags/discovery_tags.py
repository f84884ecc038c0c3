from django import template
from django.utils.translation import gettext

from newsdesk.core.models import NewsroomSettings
from newsdesk.discovery import editions
from newsdesk.discovery import structured_data as sd
from newsdesk.discovery.feeds import feed_links
from newsdesk.discovery.links import absolute, page_url
from newsdesk.discovery.related import related_articles

register = template.Library()


def listing_url(request, articles=None):
    """The canonical URL of a listing page: its path, and ?page=N beyond the first page."""
    url = absolute(request.path)
    number = getattr(articles, "number", 1)
    return f"{url}?page={number}" if number > 1 else url


def items_of(articles):
    return list(articles.object_list) if hasattr(articles, "object_list") else list(articles or [])


@register.inclusion_tag("discovery/head.html", takes_context=True)
def article_head(context, article):
    request = context.get("request")
    return {
        "canonical": page_url(article, request),
        "meta": sd.article_meta(article, request),
        "json_ld": sd.json_ld(sd.news_article(article, request)),
    }


@register.inclusion_tag("discovery/head.html", takes_context=True)
def section_head(context, section, articles=None):
    request = context["request"]
    url = listing_url(request, articles)
    description = section.search_description or section.intro
    title = section.seo_title or section.title
    return {
        "canonical": url,
        "meta": sd.listing_meta(title=title, description=description, url=url),
        "json_ld": sd.json_ld(
            sd.collection_page(
                name=title,
                description=description,
                url=url,
                articles=items_of(articles),
                request=request,
            )
        ),
        "feeds": feed_links(section=section)[:2],
    }


@register.inclusion_tag("discovery/head.html", takes_context=True)
def tag_head(context, tag, articles=None):
    request = context["request"]
    url = listing_url(request, articles)
    title = f"#{tag.name}"
    description = gettext("Articles about %(topic)s.") % {"topic": tag.name}
    return {
        "canonical": url,
        "meta": sd.listing_meta(title=title, description=description, url=url),
        "json_ld": sd.json_ld(
            sd.collection_page(
                name=title,
                description=description,
                url=url,
                articles=items_of(articles),
                request=request,
            )
        ),
    }


@register.inclusion_tag("discovery/head.html", takes_context=True)
def author_head(context, author, articles=None):
    request = context["request"]
    url = listing_url(request, articles)
    portrait = sd.author_portrait(author)
    description = author.localized_bio or author.localized_role or author.localized_name
    return {
        "canonical": url,
        "meta": sd.listing_meta(
            title=author.localized_name,
            description=description,
            url=url,
            og_type="profile",
            rendition=portrait,
            image=author.photo,
        ),
        "json_ld": sd.json_ld(sd.profile_page(author, url, portrait)),
        "feeds": feed_links(author=author)[:2],
    }


@register.inclusion_tag("discovery/head.html", takes_context=True)
def home_head(context, page):
    request = context["request"]
    url = page_url(page, request)  # each edition's front page is its own canonical page
    description = page.search_description or NewsroomSettings.load(request_or_site=request).tagline
    return {
        "canonical": url,
        "meta": sd.listing_meta(title=sd.site_name(), description=description, url=url),
        "json_ld": sd.json_ld(sd.home_page(url)),
    }


@register.inclusion_tag("discovery/feed_links.html")
def site_feed_links():
    """Autodiscovery links of the site-wide feeds, for every page's <head>."""
    return {"feeds": feed_links()}


@register.inclusion_tag("discovery/related.html")
def related_stories(article):
    return {"articles": related_articles(article)}


@register.inclusion_tag("discovery/alternates.html", takes_context=True)
def edition_alternates(context):
    """hreflang links to the page in every edition, with x-default (reciprocal: every edition
    of a page prints the same set)."""
    return {"alternates": editions.alternates(context.get("request"), context.get("page"))}


@register.inclusion_tag("discovery/language_switcher.html", takes_context=True)
def language_switcher(context):
    return {"editions": editions.switcher(context.get("request"), context.get("page"))}
