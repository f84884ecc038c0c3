"""Reader search over articles, authors and live feed items, through Wagtail's search backend."""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.html import strip_tags
from modelsearch.query import And, Phrase, PlainText
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from newsdesk.articles.models import ArticlePage
from newsdesk.core import search_sources
from newsdesk.discovery.highlight import highlight, snippet, term_pattern
from newsdesk.discovery.search_backend import count_matches, has_locale
from newsdesk.people.models import Author

MAX_QUERY_CHARS = 200
MAX_TERMS = 12
# Longer "words" are noise (pasted URLs, keyboard mashing); the databases refuse some of them.
MAX_TERM_CHARS = 40
AUTHOR_MATCHES = 3
RANKED_LIMIT = 500
MAX_RESULTS = 500
FEED_ITEM_MATCHES = 5
WORD = re.compile(r"\w+")
# Control and format characters (NUL, bidi overrides, zero-width joiners) never help a search.
UNPRINTABLE = {"Cc", "Cf", "Cs", "Co", "Cn"}


@dataclass
class ParsedQuery:
    """What the reader typed, reduced to words the search backends accept without surprises."""

    text: str = ""
    words: list = field(default_factory=list)
    phrases: list = field(default_factory=list)
    shortened: bool = False

    def __bool__(self):
        return bool(self.words or self.phrases)

    @property
    def all_words(self):
        return self.words + [word for phrase in self.phrases for word in phrase]

    @property
    def backend_query(self):
        parts = [PlainText(" ".join(self.words))] if self.words else []
        parts += [Phrase(" ".join(phrase)) for phrase in self.phrases]
        return parts[0] if len(parts) == 1 else And(parts)


def parse_query(raw):
    """Words and "quoted phrases" from a raw query string.

    Only letters and digits survive (so no operator or quote reaches FTS5 or to_tsquery), at most
    MAX_TERMS words of at most MAX_TERM_CHARS characters, from the first MAX_QUERY_CHARS characters.
    """
    text = unicodedata.normalize("NFC", raw or "")
    text = "".join(" " if unicodedata.category(c) in UNPRINTABLE else c for c in text)
    text = " ".join(text.split())
    shortened = len(text) > MAX_QUERY_CHARS
    text = text[:MAX_QUERY_CHARS]
    words, phrases, budget = [], [], MAX_TERMS
    for index, segment in enumerate(text.split('"')):
        # Odd segments were between quotes.
        terms = [t for t in WORD.findall(segment) if len(t) <= MAX_TERM_CHARS][:budget]
        shortened = shortened or len(terms) < len(WORD.findall(segment))
        budget -= len(terms)
        if index % 2 and len(terms) > 1:
            phrases.append(terms)
        else:
            words += terms
    return ParsedQuery(text=text, words=words, phrases=phrases, shortened=shortened)


def day_bounds(start, end):
    """Aware datetimes for the start of `start` and the end of `end` in the newsroom's zone."""
    zone = timezone.get_current_timezone()
    lower = timezone.make_aware(datetime.combine(start, time.min), zone) if start else None
    upper = (
        timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min), zone)
        if end
        else None
    )
    return lower, upper


@dataclass
class ResultsPage:
    """One page of results, shaped like Django's Page for the templates."""

    object_list: list
    number: int
    has_next: bool
    total: int | None = None
    num_pages: int | None = None

    @property
    def has_previous(self):
        return self.number > 1

    @property
    def previous_page_number(self):
        return self.number - 1

    @property
    def next_page_number(self):
        return self.number + 1


def page_number(raw, last=None):
    """A page number from the query string: anything unusable is the first page."""
    try:
        number = max(1, int(str(raw)[:6]))
    except ValueError:
        return 1
    return min(number, last) if last else number


class ArticleResults:
    """Matching articles: best match first, or newest first.

    Ranking scores every match, which on PostgreSQL costs about 20 µs a match (each document's
    vector is read and decompressed). When more than RANKED_LIMIT articles match (a word most
    articles use) the newest come first instead: the database walks the date index and stops
    after one page. Such results (`many`) are paged without a total, up to MAX_RESULTS.
    """

    def __init__(self, *, query, articles, newest_first=False):
        backend = get_search_backend()
        matches = count_matches(query.backend_query, ArticlePage, RANKED_LIMIT + 1)
        self.many = matches > RANKED_LIMIT
        self.newest_first = newest_first or self.many
        if self.newest_first:
            articles = articles.order_by("-published_at", "-id")
        self.results = backend.search(
            query.backend_query, articles, order_by_relevance=not self.newest_first
        )

    def page(self, raw_number, size):
        if self.many:
            number = page_number(raw_number, MAX_RESULTS // size)
            start = (number - 1) * size
            rows = list(self.results[start : start + size + 1])
            if not rows and number > 1:
                return self.page(1, size)
            has_next = len(rows) > size and number < MAX_RESULTS // size
            return ResultsPage(rows[:size], number, has_next)
        total = self.results.count()
        num_pages = max(1, -(-total // size))
        number = page_number(raw_number, num_pages)
        start = (number - 1) * size
        rows = list(self.results[start : start + size])
        return ResultsPage(rows, number, number < num_pages, total, num_pages)


def search_articles(*, query, section=None, start=None, end=None, newest_first=False):
    """Published articles matching `query`, optionally in a section and a date range."""
    articles = (
        ArticlePage.objects.published()
        # The reader's edition only; a FilterField of Wagtail's, so by the locale row itself.
        .filter(locale=Locale.get_active())
        .select_related("lead_image")
        .prefetch_related("lead_image__renditions", "article_authors__author")
    )
    if section is not None:
        articles = articles.child_of(section)
    lower, upper = day_bounds(start, end)
    if lower:
        articles = articles.filter(published_at__gte=lower)
    if upper:
        articles = articles.filter(published_at__lt=upper)
    return ArticleResults(query=query, articles=articles, newest_first=newest_first)


def search_authors(*, query, limit=AUTHOR_MATCHES):
    authors = Author.objects.select_related("photo").prefetch_related("photo__renditions")
    return list(get_search_backend().search(query.backend_query, authors)[:limit])


def search_feed_items(*, query, start=None, end=None, limit=FEED_ITEM_MATCHES):
    """The best matches among the short items other apps registered (the live feed's), of the
    reader's edition when they belong to one."""
    lower, upper = day_bounds(start, end)
    dated = Q()
    if lower:
        dated &= Q(published_at__gte=lower)
    if upper:
        dated &= Q(published_at__lt=upper)
    backend = get_search_backend()
    items = []
    for source in search_sources.sources():
        visible = source.visible().filter(published_at__lte=timezone.now()).filter(dated)
        if has_locale(visible.model):
            visible = visible.filter(locale=Locale.get_active())
        items += backend.search(query.backend_query, visible)[:limit]
    return items[:limit]


@dataclass
class Hit:
    article: ArticlePage
    headline: str
    snippet: str


def article_hits(articles, query):
    """Each result with its headline and best passage marked where the reader's words occur."""
    pattern = term_pattern(query.all_words)
    hits = []
    for article in articles:
        # What every reader gets: not the rest of a members-only story.
        blocks = article.get_text_blocks(public=True)
        passages = [article.standfirst] + [block["text"] for block in blocks]
        hits.append(
            Hit(
                article=article,
                headline=highlight(article.title, pattern),
                snippet=snippet(passages, pattern),
            )
        )
    return hits


def feed_item_hits(items, query):
    pattern = term_pattern(query.all_words)
    return [
        {
            "item": item,
            "text": snippet([strip_tags(item.text or "")], pattern, length=200),
            "url": item.get_absolute_url(),
        }
        for item in items
    ]
