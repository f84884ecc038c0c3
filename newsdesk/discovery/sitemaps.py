"""Sitemaps: every live page (Wagtail's sitemap, with photos) and Google News' last 48 hours."""

import itertools
from datetime import timedelta

from django.conf import settings
from django.db.models import Max, Q
from django.utils import timezone
from wagtail.contrib.sitemaps import Sitemap
from wagtail.images import get_image_model
from wagtail.models import Page

from newsdesk.articles.models import ArticlePage
from newsdesk.core.editions import language_codes
from newsdesk.discovery.links import absolute, on_site_url

NEWS_WINDOW = timedelta(hours=48)
# Google News reads at most 1,000 URLs from one news sitemap.
NEWS_LIMIT = 1000
BATCH = 1000


class PagesSitemap(Sitemap):
    """Wagtail's sitemap of live public pages, on the public address, with each article's photo.

    Google accepts 50,000 URLs in one sitemap; beyond that the index lists further pages (?p=2).
    """

    def items(self):
        """Every edition's live public pages (Wagtail's: the request's edition only)."""
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True).live()
        in_editions = Q(pk__in=[])
        for root in roots:
            in_editions |= Q(path__startswith=root.path)
        return (
            Page.objects.filter(in_editions)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        urls, last_mods = [], set()
        pages = self.paginator.page(page).object_list.iterator(chunk_size=BATCH)
        for batch in itertools.batched(pages, BATCH):
            images = self.lead_images(batch)
            editions = self.editions(batch)
            for item in batch:
                image = images.get(getattr(item, "lead_image_id", None))
                for url in item.get_sitemap_urls(self.request):
                    # Wagtail's full URL uses its Site record's hostname, maybe "localhost".
                    url["location"] = on_site_url(url["location"])
                    if image is not None:
                        url["images"] = [{"location": absolute(image.file.url)}]
                    url["alternates"] = editions.get(item.translation_key, [])
                    urls.append(url)
                    last_mods.add(url.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def editions(self, items):
        """For each translation key of `items` shared by pages of several editions: (hreflang,
        URL) of each, and x-default (the default edition's), as xhtml:link alternates."""
        keys = {item.translation_key for item in items}
        pages = (
            Page.objects.filter(translation_key__in=keys).live().public().select_related("locale")
        )
        found = {}
        for page in pages:
            if page.url:
                found.setdefault(page.translation_key, {})[page.locale.language_code] = page.url
        alternates = {}
        for key, urls in found.items():
            if len(urls) > 1:
                links = [(code, absolute(urls[code])) for code in language_codes() if code in urls]
                if settings.LANGUAGE_CODE in urls:
                    links.append(("x-default", absolute(urls[settings.LANGUAGE_CODE])))
                alternates[key] = links
        return alternates

    def lead_images(self, items):
        ids = {getattr(item, "lead_image_id", None) for item in items} - {None}
        return get_image_model().objects.in_bulk(ids) if ids else {}

    def get_latest_lastmod(self):
        # The default reads every page's lastmod; one aggregate is enough.
        return self.items().aggregate(latest=Max("last_published_at"))["latest"]


def news_articles(now=None):
    """Articles published in the last 48 hours, newest first, for the Google News sitemap."""
    now = now or timezone.now()
    return (
        ArticlePage.objects.published()
        .filter(published_at__gt=now - NEWS_WINDOW, published_at__lte=now)
        .order_by("-published_at", "-pk")[:NEWS_LIMIT]
    )
