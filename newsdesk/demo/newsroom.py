"""The demo newsroom: sections, authors, photos, articles and the front page's curation.

Every object is looked up by its slug (or title, for images) first and left alone when it exists,
so loading twice changes nothing and a newsroom's own content is never touched. Image renditions
are made when a page first shows them, not queued for all 45 photos at once.
"""

from datetime import timedelta
from io import BytesIO

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from newsdesk.articles.models import ArticlePage, Correction, SectionPage
from newsdesk.core.models import NewsImage, NewsroomSettings
from newsdesk.demo import content
from newsdesk.demo.images import make_photo
from newsdesk.demo.portraits import make_portrait
from newsdesk.frontpage.models import EditorsPick, HomePage, TopStory
from newsdesk.people.models import Author


class Loader:
    def __init__(self, log):
        self.log = log
        self.now = timezone.now()
        self.created = 0

    def ago(self, hours):
        return self.now - timedelta(hours=hours)

    def image(self, spec):
        existing = NewsImage.objects.filter(title=spec["title"]).first()
        if existing:
            return existing
        photographer, _, agency = spec.get("credit", "").partition(" / ")
        data = make_photo(spec["motif"], spec["seed"])
        image = NewsImage(
            title=spec["title"],
            alt_text=spec.get("alt", ""),
            caption=spec.get("caption", ""),
            photographer=photographer.strip(),
            agency=agency.strip(),
            file=ImageFile(BytesIO(data), name=f"{slugify(spec['title'])[:60]}.jpg"),
        )
        image.save()
        self.created += 1
        return image

    def settings(self):
        site_settings = NewsroomSettings.load()
        if not site_settings.tagline and not site_settings.about:
            site_settings.tagline = content.TAGLINE
            site_settings.about = content.ABOUT
            site_settings.copyright_holder = content.SITE_NAME
            site_settings.contact_email = content.CONTACT_EMAIL
            site_settings.save()

    def home(self):
        home = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
        if home is None:
            raise RuntimeError("The front page is missing: run `manage.py migrate` first.")
        return home

    def sections(self, home):
        sections = {}
        for spec in content.SECTIONS:
            section = SectionPage.objects.filter(slug=spec["slug"]).first()
            if section is None:
                section = SectionPage(
                    title=spec["title"], slug=spec["slug"], intro=spec["intro"], show_in_menus=True
                )
                home.add_child(instance=section)
                section.save_revision().publish()
                self.created += 1
            sections[spec["slug"]] = section
        return sections

    def authors(self):
        authors = {}
        for spec in content.AUTHORS:
            author = Author.objects.filter(slug=spec["slug"]).first()
            if author is None:
                portrait = NewsImage.objects.filter(title=f"Portrait of {spec['name']}").first()
                if portrait is None:
                    portrait = NewsImage(
                        title=f"Portrait of {spec['name']}",
                        alt_text=f"Illustrated portrait of {spec['name']}",
                        file=ImageFile(
                            BytesIO(make_portrait(spec["photo_seed"])),
                            name=f"portrait-{spec['slug']}.jpg",
                        ),
                    )
                    portrait.save()
                author = Author.objects.create(
                    name=spec["name"],
                    slug=spec["slug"],
                    role=spec["role"],
                    bio=spec["bio"],
                    photo=portrait,
                )
                self.created += 1
            authors[spec["slug"]] = author
        return authors

    def articles(self, sections, authors):
        # Create missing articles as drafts first so related-story cards can point at any of them.
        new = []
        articles = {}
        for spec in content.ARTICLES:
            article = ArticlePage.objects.filter(slug=spec["slug"]).first()
            if article is None:
                article = ArticlePage(
                    title=spec["headline"],
                    slug=spec["slug"],
                    standfirst=spec["standfirst"],
                    live=False,
                )
                sections[spec["section"]].add_child(instance=article)
                new.append((spec, article))
            articles[spec["slug"]] = article
        for spec, article in sorted(new, key=lambda item: -item[0]["hours_ago"]):
            self.fill_article(article, spec, authors, articles)
            self.created += 1
        return articles

    def fill_article(self, article, spec, authors, articles):
        if spec.get("lead_image"):
            article.lead_image = self.image(spec["lead_image"])
        article.body = [self.block(kind, value, articles) for kind, value in spec["body"]]
        article.first_published_at = self.ago(spec["hours_ago"])
        article.article_authors.set([])
        for order, slug in enumerate(spec["authors"]):
            article.article_authors.add(
                article.article_authors.model(author=authors[slug], sort_order=order)
            )
        article.tags.set(spec["tags"])
        article.corrections.set(
            [Correction(date=self.ago(c["hours_ago"]), text=c["text"]) for c in spec["corrections"]]
        )
        article.save_revision().publish()
        ArticlePage.objects.filter(pk=article.pk).update(
            last_published_at=self.ago(spec.get("updated_hours_ago") or spec["hours_ago"]),
            text_updated_at=(
                self.ago(spec["updated_hours_ago"]) if spec.get("updated_hours_ago") else None
            ),
        )

    def block(self, kind, value, articles):
        if kind == "paragraph":
            return ("paragraph", f"<p>{value}</p>")
        if kind == "heading":
            return ("heading", value)
        if kind == "quote":
            return ("quote", {"text": value["text"], "attribution": value.get("attribution", "")})
        if kind == "image":
            image = self.image(value)
            return ("image", {"image": image, "caption": "", "credit": ""})
        if kind == "related":
            return ("related_story", articles[value])
        if kind == "newsletter":
            # The newsletters are loaded after the articles: the form offers all of them.
            return ("newsletter_signup", {"heading": value, "newsletter": None})
        raise ValueError(f"unknown block type in demo content: {kind}")

    def curation(self, home, articles):
        """Curate the front page only when no editor has done it yet."""
        if home.lead_story_id or home.picks.exists() or home.top_stories.exists():
            return
        plan = content.HOME
        home.lead_story = articles[plan["lead"]]
        home.featured_article = articles[plan["featured"]["slug"]]
        home.featured_kicker = plan["featured"]["kicker"]
        home.featured_teaser = plan["featured"]["teaser"]
        # sort_order as the admin's form sets it: without it, PostgreSQL returns them in any order.
        home.top_stories.set(
            [
                TopStory(article=articles[slug], sort_order=i)
                for i, slug in enumerate(plan["top_stories"])
            ]
        )
        home.picks.set(
            [
                EditorsPick(article=articles[slug], sort_order=i)
                for i, slug in enumerate(plan["editors_picks"])
            ]
        )
        home.title = content.SITE_NAME
        home.save_revision().publish()

    def run(self):
        with transaction.atomic():
            self.settings()
            home = self.home()
            sections = self.sections(home)
            authors = self.authors()
            articles = self.articles(sections, authors)
            self.curation(home, articles)
        return self.created


def load(log):
    return Loader(log).run()
