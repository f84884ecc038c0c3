"""The demo's Ukrainian edition: the files under `data/uk/`, loaded after the English newsroom.

Its front page and sections are translations of the English ones (the admin's "Translate"
does the same: Wagtail's copy_for_translation), with their own names, slugs and curation.
Articles with `translation_of` are translations of an English article, keeping its photo
(the copy's; their text, tags and authors are the file's); the others are the edition's
own. Like the other steps, what exists is left alone.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from newsdesk.articles.models import ArticlePage, SectionPage
from newsdesk.demo import content
from newsdesk.demo.newsroom import Loader
from newsdesk.frontpage.models import EditorsPick, HomePage, TopStory
from newsdesk.livefeed import services as feed_services
from newsdesk.livefeed.models import FeedItem
from newsdesk.newsletters.models import Issue, Newsletter
from newsdesk.people.models import Author

LANGUAGE = "uk"


class EditionLoader(Loader):
    def __init__(self, log, locale):
        super().__init__(log)
        self.locale = locale
        self.data = content.edition(LANGUAGE)

    def translation(self, page, **fields):
        """`page`'s translation in this edition, made (and published) if missing."""
        found = page.get_translation_or_none(self.locale)
        if found is not None:
            return found.specific
        copy = page.copy_for_translation(self.locale)
        for name, value in fields.items():
            setattr(copy, name, value)
        copy.save_revision().publish()
        self.created += 1
        return copy.specific

    def front_page(self):
        english = HomePage.objects.get(locale=Locale.get_default())
        site = self.data["site"]
        return self.translation(english, title=site["title"], search_description=site["tagline"])

    def sections(self, home):
        sections = {}
        for spec in self.data["sections"]:
            english = SectionPage.objects.get(slug=spec["of"], locale=Locale.get_default())
            sections[spec["slug"]] = self.translation(
                english, title=spec["title"], slug=spec["slug"], intro=spec["intro"]
            )
        return sections

    def authors(self):
        """The authors' words in this edition, for those that have none yet."""
        authors = {author.slug: author for author in Author.objects.all()}
        for spec in self.data["authors"]:
            author = authors.get(spec["of"])
            if author is None or LANGUAGE in author.translations:
                continue
            self.words(author, **{word: spec[word] for word in ("name", "role", "bio")})
            if author.photo:
                self.words(author.photo, alt_text=f"Ілюстрований портрет: {spec['name']}")
            self.created += 1
        return authors

    def words(self, row, **words):
        """An author's or an image's words in this edition (newsdesk.core.translated_words)."""
        row.translations = {**row.translations, LANGUAGE: words}
        row.save(update_fields=["translations"])

    def articles(self, sections, authors):
        articles = {}
        for spec in self.data["articles"]:
            article = ArticlePage.objects.filter(slug=spec["slug"], locale=self.locale).first()
            if article is None:
                article = self.new_article(spec, sections)
                self.fill_article(article, spec, authors, articles)
                self.created += 1
            articles[spec["slug"]] = article
        return articles

    def new_article(self, spec, sections):
        fields = {"title": spec["headline"], "slug": spec["slug"], "standfirst": spec["standfirst"]}
        # A translation keeps the English photo; its caption and credit are in Ukrainian.
        for name in ("lead_image_caption", "lead_image_credit"):
            if spec.get(name):
                fields[name] = spec[name]
        if spec.get("translation_of"):
            english = ArticlePage.objects.get(
                slug=spec["translation_of"], locale=Locale.get_default()
            )
            copy = english.copy_for_translation(self.locale)
            for name, value in fields.items():
                setattr(copy, name, value)
            copy.save()
            if english.lead_image and spec.get("lead_image_alt"):
                self.words(english.lead_image, alt_text=spec["lead_image_alt"])
            return ArticlePage.objects.get(pk=copy.pk)
        article = ArticlePage(**fields, live=False)
        sections[spec["section"]].add_child(instance=article)
        return article

    def curation(self, home, articles):
        if home.lead_story_id or home.picks.exists() or home.top_stories.exists():
            return
        plan = self.data["site"]["home"]
        home.lead_story = articles[plan["lead"]]
        home.featured_article = articles[plan["featured"]["slug"]]
        home.featured_kicker = plan["featured"]["kicker"]
        home.featured_teaser = plan["featured"]["teaser"]
        home.top_stories.set(
            [TopStory(article=articles[s], sort_order=i) for i, s in enumerate(plan["top_stories"])]
        )
        home.picks.set(
            [
                EditorsPick(article=articles[s], sort_order=i)
                for i, s in enumerate(plan["editors_picks"])
            ]
        )
        home.save_revision().publish()

    def newsletters(self):
        for position, spec in enumerate(self.data["newsletters"]["newsletters"]):
            newsletter = Newsletter.objects.filter(slug=spec["slug"]).first()
            if newsletter is None:
                newsletter = Newsletter.objects.create(
                    slug=spec["slug"],
                    name=spec["name"],
                    description=spec["description"],
                    cadence=spec["cadence"],
                    sender_name=spec["sender_name"],
                    locale=self.locale,
                    sort_order=100 + position,
                )
                self.created += 1
                draft = self.data["newsletters"]["draft"]
                Issue.objects.create(
                    newsletter=newsletter,
                    subject=draft["subject"],
                    intro=draft["intro"],
                    latest_count=5,
                )

    def feed(self, articles, sections):
        editor = get_user_model().objects.filter(username="editor").first()
        for spec in self.data["feed"]["updates"]:
            text = f"<p>{spec['text']}</p>"
            if FeedItem.objects.filter(text=text).exists():
                continue
            feed_services.post_item(
                text=text,
                author=editor,
                article=articles.get(spec.get("article")),
                section=sections.get(spec.get("section")),
                published_at=timezone.now() - timedelta(hours=spec["hours_ago"]),
                locale=self.locale,
                trusted=True,
            )
            self.created += 1

    def run(self):
        with transaction.atomic():
            home = self.front_page()
            sections = self.sections(home)
            authors = self.authors()
            articles = self.articles(sections, authors)
            self.curation(home, articles)
            self.newsletters()
            self.feed(articles, sections)
        return self.created


def load(log):
    locale = Locale.objects.filter(language_code=LANGUAGE).first()
    if locale is None:  # LANGUAGES without Ukrainian: no Ukrainian edition to fill
        return 0
    return EditionLoader(log, locale).run()
