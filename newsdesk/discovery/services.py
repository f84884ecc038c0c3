from django.conf import settings
from django.urls import reverse
from django.utils import translation

from newsdesk.articles.services import articles_at_or_under
from newsdesk.core.tasks import enqueue_on_commit
from newsdesk.discovery.tasks import make_share_renditions
from newsdesk.serving.purge import purge_paths
from newsdesk.serving.versions import bump


def discovery_paths(article):
    """The pages of this app that list `article`, in its edition: search, feeds; and the
    sitemaps, which list every edition's pages (at the default edition's paths)."""
    with translation.override(settings.LANGUAGE_CODE):
        paths = [reverse(name) for name in ("sitemap", "news_sitemap", "sitemap_pages")]
    with translation.override(article.locale.language_code):
        paths += [reverse(name) for name in ("search", "feed_latest", "feed_latest_atom")]
        section = article.get_parent()
        if section is not None:
            paths += [
                reverse(name, args=[section.slug]) for name in ("feed_section", "feed_section_atom")
            ]
        for link in article.article_authors.select_related("author"):
            slug = link.author.slug
            paths += [reverse(name, args=[slug]) for name in ("feed_author", "feed_author_atom")]
    return paths


def article_published(*, article):
    """Forget what was cached about the published set; prepare the photo's share renditions."""
    bump("articles", language=article.locale.language_code)
    purge_paths(discovery_paths(article))
    if article.lead_image_id:
        enqueue_on_commit(make_share_renditions, article.lead_image_id)


def article_withdrawn(*, article):
    """Unpublished or about to be deleted: nothing cached may still offer it."""
    bump("articles", language=article.locale.language_code)
    purge_paths(discovery_paths(article))


def restriction_changed(*, page_id):
    """A view restriction was added or removed: feeds, sitemaps and search list only public
    articles, so what they cached about the ones it covers is out of date."""
    for article in articles_at_or_under(page_id=page_id):
        article_withdrawn(article=article)
