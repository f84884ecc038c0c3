from django.urls import reverse
from wagtail.models import Page, ReferenceIndex

from newsdesk.articles.models import ArticlePage, SectionPage
from newsdesk.serving.purge import purge_paths
from newsdesk.serving.versions import bump


def reader_paths(article, url_path=None):
    """The pages of the reader site that show `article`: itself, its section, its authors' and
    tags' pages and the front page. `url_path` is the article's Wagtail url_path if it changed."""
    paths = ["/"]
    site_paths = [path for path in (article.url, url_path and relative(article, url_path)) if path]
    paths += site_paths
    paths += [path.rsplit("/", 2)[0] + "/" for path in site_paths]  # the section
    paths += [
        reverse("author", args=[slug])
        for slug in article.article_authors.values_list("author__slug", flat=True)
    ]
    paths += [reverse("tag", args=[slug]) for slug in article.tags.values_list("slug", flat=True)]
    return paths


def relative(page, url_path):
    """The reader-facing path of a Wagtail url_path (which starts with the site root's slug)."""
    site = page.get_site()
    if site is None:
        return None
    root = Page.objects.filter(pk=site.root_page_id).values_list("url_path", flat=True).first()
    return "/" + url_path.removeprefix(root) if root and url_path.startswith(root) else None


def referring_paths(article):
    """The articles whose body carries a card of `article` (Wagtail's reference index)."""
    ids = ReferenceIndex.get_references_to(article).values_list("object_id", flat=True)
    referring = ArticlePage.objects.live().filter(pk__in=[int(i) for i in ids if i.isdigit()])
    return [page.url for page in referring.exclude(pk=article.pk).specific(defer=True)]


def article_changed(*, article, old_url_path=None):
    """Published, unpublished, moved or about to be deleted: drop every page that shows it."""
    purge_paths(reader_paths(article, old_url_path) + referring_paths(article))
    bump("articles")


def author_changed(*, author):
    """An author's name, role or photo changed (or the author was deleted): their page and
    every article with their byline. Cards in listings print bylines too."""
    articles = ArticlePage.objects.filter(article_authors__author=author) if author.pk else []
    purge_paths([author.get_absolute_url(), *(article.url for article in articles)])
    bump("articles")


def page_moved(*, page, old_url_path):
    page = page.specific
    if isinstance(page, ArticlePage):
        article_changed(article=page, old_url_path=old_url_path)
    elif isinstance(page, SectionPage):
        purge_paths(["/", page.url, relative(page, old_url_path)])
        forget_navigation()


def section_changed(*, section):
    purge_paths(["/", section.url])
    forget_navigation()


def forget_navigation():
    bump("articles", "chrome")  # the navigation is cached under the chrome's version


def articles_at_or_under(*, page_id):
    """The live articles a view restriction on this page hides: the page itself if it is one,
    and every article under it. None when the page is gone (deleted with its restrictions: its
    deletion purged what showed it)."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return []
    return list(ArticlePage.objects.live().descendant_of(page, inclusive=True))


def restriction_changed(*, page_id):
    """A view restriction (password, login, groups) was added to a page or removed from it: the
    articles it covers leave (or rejoin) every page that lists them, as when unpublished (or
    published), and the page itself must be answered afresh."""
    for article in articles_at_or_under(page_id=page_id):
        article_changed(article=article)
    page = Page.objects.filter(pk=page_id).first()
    if page is not None and not isinstance(page.specific_deferred, ArticlePage):
        purge_paths(["/", page.url])  # a section, or the whole site
        forget_navigation()  # the menus list public sections only
