"""Sitemaps: every live page (Wagtail's sitemap, with photos) and Google News' last 48 hours."""

import itertools
from datetime import timedelta

from django.db.models import Max
from django.utils import timezone
from wagtail.contrib.sitemaps import Sitemap
from wagtail.images import get_image_model

from newsdesk.articles.models import ArticlePage
from newsdesk.discovery.links import absolute, on_site_url

NEWS_WINDOW = timedelta(hours=48)
# Google News reads at most 1,000 URLs from one news sitemap.
NEWS_LIMIT = 1000
BATCH = 1000


class PagesSitemap(Sitemap):
    """Wagtail's sitemap of live public pages, on the public address, with each article's photo.

    Google accepts 50,000 URLs in one sitemap; beyond that the index lists further pages (?p=2).
    """

    def _urls(self, page, protocol, domain):
        urls, last_mods = [], set()
        pages = self.paginator.page(page).object_list.iterator(chunk_size=BATCH)
        for batch in itertools.batched(pages, BATCH):
            images = self.lead_images(batch)
            for item in batch:
                image = images.get(getattr(item, "lead_image_id", None))
                for url in item.get_sitemap_urls(self.request):
                    # Wagtail's full URL uses its Site record's hostname, maybe "localhost".
                    url["location"] = on_site_url(url["location"])
                    if image is not None:
                        url["images"] = [{"location": absolute(image.file.url)}]
                    urls.append(url)
                    last_mods.add(url.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def lead_images(self, items):
        ids = {getattr(item, "lead_image_id", None) for item in items} - {None}
        return get_image_model().objects.in_bulk(ids) if ids else {}

    def get_latest_lastmod(self):
        # The default reads every page's lastmod; one aggregate is enough.
        pages = self.get_wagtail_site().root_page.get_descendants(inclusive=True).live().public()
        return pages.aggregate(latest=Max("last_published_at"))["latest"]


def news_articles(now=None):
    """Articles published in the last 48 hours, newest first, for the Google News sitemap."""
    now = now or timezone.now()
    return (
        ArticlePage.objects.published()
        .filter(published_at__gt=now - NEWS_WINDOW, published_at__lte=now)
        .order_by("-published_at", "-pk")[:NEWS_LIMIT]
    )
