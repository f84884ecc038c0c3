from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, ReferenceIndex

from newsdesk.articles.models import ArticlePage, SectionPage
from newsdesk.core.editions import home_path, in_edition, language_codes, without_prefix
from newsdesk.serving.purge import purge_paths
from newsdesk.serving.versions import bump


def reader_paths(article, url_path=None):
    """The pages of the reader site that show `article`: itself, its section, its authors' and
    tags' pages and the front page, in the article's edition; and its translations, whose
    links to their other editions (hreflang, the language switcher) change with it.
    `url_path` is the article's Wagtail url_path if it changed."""
    language = article.locale.language_code
    paths = [home_path(language)]
    site_paths = [path for path in (article.url, url_path and relative(article, url_path)) if path]
    paths += site_paths
    paths += [path.rsplit("/", 2)[0] + "/" for path in site_paths]  # the section
    with translation.override(language):
        paths += [
            reverse("author", args=[slug])
            for slug in article.article_authors.values_list("author__slug", flat=True)
        ]
        paths += [
            reverse("tag", args=[slug]) for slug in article.tags.values_list("slug", flat=True)
        ]
    paths += translation_paths(article)
    return paths


def translation_paths(page):
    """The live translations of `page` in the other editions."""
    return [p.url for p in page.get_translations().live().specific(defer=True) if p.url]


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
    bump("articles", language=article.locale.language_code)


def author_changed(*, author):
    """An author's name, role or photo changed (or the author was deleted): their page in every
    edition and every article with their byline. Cards in listings print bylines too."""
    articles = ArticlePage.objects.filter(article_authors__author=author) if author.pk else []
    path = without_prefix(author.get_absolute_url())
    pages = [in_edition(path, language) for language in language_codes()]
    purge_paths([*pages, *(article.url for article in articles)])
    bump("articles")


def page_moved(*, page, old_url_path):
    page = page.specific
    if isinstance(page, ArticlePage):
        article_changed(article=page, old_url_path=old_url_path)
    elif isinstance(page, SectionPage):
        home = home_path(page.locale.language_code)
        purge_paths([home, page.url, relative(page, old_url_path), *translation_paths(page)])
        forget_navigation()


def section_changed(*, section):
    home = home_path(section.locale.language_code)
    purge_paths([home, section.url, *translation_paths(section)])
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
        # A section, or the whole site: its edition's front page.
        purge_paths([home_path(page.locale.language_code), page.url])
        forget_navigation()  # the menus list public sections only
