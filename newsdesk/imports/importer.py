"""The part of an archive import that WordPress and Ghost share: sections, people, tags, pictures,
articles, redirects from the old addresses, links between posts, the report.

A source (`wordpress.WordPressSource`, `ghost.GhostSource`) reads its export and hands over plain
records; this module turns them into pages. Each post is written in a transaction of its own,
with the record of where it came from (`ImportedObject`) and a checksum of its source: a second
run of the same file finds every checksum unchanged and writes nothing, a newer export updates
what changed, and a run that stopped half-way resumes where it stopped.

An import does not behave like an editor publishing one story: articles are published without
Wagtail's publish signals, so no narration is queued (except with `narrate_since`), no news feed
or newsletter reacts and no page is purged per article; the caches are purged once, at the end.
Wagtail's search index is updated for every saved page (through the task worker).
"""

import hashlib
import json
import logging
import re
import time
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import unquote, urlsplit

import lxml.html
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator, slugify
from taggit.models import Tag
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.contrib.redirects.models import Redirect
from wagtail.coreutils import string_to_ascii
from wagtail.models import Page, ReferenceIndex, Revision, Site
from wagtail.search import index

from newsdesk.articles.models import ArticleAuthor, ArticlePage, SectionPage
from newsdesk.imports.bodies import BodyConverter
from newsdesk.imports.media import MediaLibrary
from newsdesk.imports.models import ImportItem
from newsdesk.imports.provenance import Provenance
from newsdesk.people.models import Author
from newsdesk.serving.purge import purge_paths
from newsdesk.serving.versions import bump

logger = logging.getLogger("newsdesk.imports")

# Part of every checksum: a new version of the conversion updates what the old one imported.
CONVERSION_VERSION = "1"
PROGRESS_SECONDS = 1.0
ITEM_BATCH = 500
PREVIEW_ITEMS = 300  # rows a dry run's report shows
STANDFIRST_LENGTH = 300
DEFAULT_SECTION = "archive"
PAGE_SUFFIXES = re.compile(r"\.(html?|php|aspx?)$", re.I)
Outcome = ImportItem.Outcome


@dataclass
class ImageRef:
    url: str
    alt: str = ""
    title: str = ""
    caption: str = ""
    credit: str = ""
    relative_file: str = ""


@dataclass
class SectionRecord:
    key: str
    title: str
    slug: str
    description: str = ""
    old_paths: list = field(default_factory=list)
    feed_paths: list = field(default_factory=list)


@dataclass
class PersonRecord:
    key: str
    name: str
    slug: str = ""
    bio: str = ""
    photo: ImageRef | None = None
    old_paths: list = field(default_factory=list)
    feed_paths: list = field(default_factory=list)


@dataclass
class TagRecord:
    key: str
    name: str
    slug: str = ""
    old_paths: list = field(default_factory=list)


@dataclass
class PostRecord:
    key: str
    title: str
    kind: str = "post"
    status: str = "published"  # published | draft | scheduled | skip
    note: str = ""  # why the status, e.g. "private in WordPress: imported unpublished"
    slug: str = ""
    published_at: datetime | None = None
    modified_at: datetime | None = None
    html: str = ""
    wordpress: bool = False  # shortcodes and paragraphs by blank lines
    excerpt: str = ""
    section_key: str | None = None
    tag_keys: list = field(default_factory=list)
    author_keys: list = field(default_factory=list)
    lead_image: ImageRef | None = None
    seo_title: str = ""
    seo_description: str = ""
    old_paths: list = field(default_factory=list)
    raw: dict = field(default_factory=dict)  # what the checksum is made of


@dataclass
class Options:
    media_dir: str = ""
    fetch_media: bool = False
    allow_private_media: bool = False
    section_map: dict = field(default_factory=dict)
    narrate_since: datetime | None = None

    @classmethod
    def from_run(cls, run):
        options = dict(run.options)
        since = options.get("narrate_since")
        return cls(
            media_dir=options.get("media_dir", ""),
            fetch_media=bool(options.get("fetch_media")),
            allow_private_media=bool(options.get("allow_private_media")),
            section_map={k.lower(): v for k, v in options.get("section_map", {}).items()},
            narrate_since=datetime.fromisoformat(since) if since else None,
        )


class QuietPublish(PublishPageRevisionAction):
    """Publishes a revision as Wagtail does, without sending `page_published`: the receivers of
    that signal (narration, purges, share pictures) are for one story at a time; an import of
    thousands does their work once at the end instead."""

    def _after_publish(self):
        pass


def publish_quietly(revision, *, log_action=True):
    QuietPublish(revision, log_action=log_action).execute(skip_permission_checks=True)


def one_line(error):
    if isinstance(error, ValidationError):
        parts = (
            [
                f"{name}: {' '.join(messages)}" if name != "__all__" else " ".join(messages)
                for name, messages in error.message_dict.items()
            ]
            if hasattr(error, "error_dict")
            else error.messages
        )
        return "; ".join(parts)
    return " ".join(str(error).split()) or type(error).__name__


def page_slug(value, fallback):
    value = PAGE_SUFFIXES.sub("", unquote(value or "").strip().strip("/").rsplit("/", 1)[-1])
    slug = slugify(value.replace(".", "-"), allow_unicode=True)[:200].strip("-")
    return slug or slugify(fallback, allow_unicode=True)[:200].strip("-")


def ascii_slug(value):
    return slugify(string_to_ascii(value or ""))[:100].strip("-")


def standfirst_from(text):
    """At most STANDFIRST_LENGTH characters: whole sentences when they fit, else cut at a word."""
    text = " ".join(text.split())
    if len(text) <= STANDFIRST_LENGTH:
        return text
    sentences = re.split(r"(?<=[.!?…])\s+", text)
    kept = ""
    for sentence in sentences:
        if len(kept) + len(sentence) + 1 > STANDFIRST_LENGTH:
            break
        kept = f"{kept} {sentence}".strip()
    return kept or Truncator(text).chars(STANDFIRST_LENGTH)


@contextmanager
def unhurried_commits():
    """On PostgreSQL, commits that do not wait for the disk (`synchronous_commit` off) for this
    connection while the import runs: a crash may lose the last moment of work, which the next
    run redoes (it resumes from what was committed), and each post's commit no longer waits
    for a flush. Other connections and transactions are not affected."""
    postgresql = connection.vendor == "postgresql"
    if postgresql:
        with connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit TO OFF")
    try:
        yield
    finally:
        if postgresql:
            with connection.cursor() as cursor:
                cursor.execute("SET synchronous_commit TO DEFAULT")


class Importer:
    def __init__(self, *, run, source, dry_run=False, clock=time.monotonic):
        self.run = run
        self.source = source
        self.options = Options.from_run(run)
        # What decides how a post is imported (not --narrate-since, which only queues audio).
        self.shaping_options = {k: v for k, v in run.options.items() if k != "narrate_since"}
        self.dry_run = dry_run
        self.clock = clock
        self.counts = defaultdict(Counter)
        self.shortcodes = Counter()
        self.items = []
        self.preview = []
        self.purge = set()
        self.sections = {}  # slug -> SectionPage
        self.category_sections = {}  # the source's category key -> SectionPage
        self.people = {}
        self.tags = {}
        self.skipped_keys = set()
        self.own_revisions = {}  # page pk -> the revision this run wrote, still its latest
        self.slugs = {}  # section pk -> {slug: page pk} of its children
        self.paths = None
        self.redirects_created = 0
        self.done = 0
        self.last_progress = clock()

    # the run

    def execute(self):
        """Import everything; returns the report. ExportError if the file is broken."""
        with unhurried_commits():
            return self.import_all()

    def import_all(self):
        source = self.source
        source.scan()
        self.site = Site.objects.get(is_default_site=True)
        self.home = self.site.root_page.specific
        self.provenance = Provenance(source.system, dry_run=self.dry_run)
        self.media = MediaLibrary(
            folder=self.options.media_dir or None,
            fetch_media=self.options.fetch_media,
            allow_private=self.options.allow_private_media,
            dry_run=self.dry_run,
        )
        self.redirect_paths = set(
            Redirect.get_for_site(self.site).values_list("old_path", flat=True)
        )
        self.link_targets = source.link_targets()
        self.converter = BodyConverter(
            image_for=self.body_image,
            link_for=self.resolve_link,
            attachment_url=source.attachment_url,
        )
        if not self.dry_run:
            self.run.mark_running(total=source.post_total)
        for post in source.posts():
            self.import_post(post)
            self.progress()
        if not self.dry_run:
            self.add_archive_redirects()
            self.fix_links()
        self.flush_items()
        if not self.dry_run:
            self.purge_once()
        return self.report()

    def progress(self):
        self.done += 1
        if not self.dry_run and self.clock() - self.last_progress >= PROGRESS_SECONDS:
            self.flush_items()
            self.run.mark_progress(self.done)
            self.last_progress = self.clock()

    def record(self, kind, key, title, outcome, *, reason="", new_url="", old_paths=()):
        self.counts[kind][outcome] += 1
        self.items.append(
            ImportItem(
                run=self.run,
                kind=kind,
                source_id=str(key)[:255],
                title=(title or "")[:255],
                outcome=outcome,
                reason=reason,
                new_url=new_url or "",
                old_urls="\n".join(old_paths),
            )
        )
        if len(self.items) >= ITEM_BATCH:
            self.flush_items()

    def flush_items(self):
        """Write the report's rows; a dry run keeps the notable ones in its analysis instead."""
        if self.dry_run:
            notable = [
                item
                for item in self.items
                if item.reason or item.outcome in (Outcome.SKIPPED, Outcome.FAILED)
            ]
            room = PREVIEW_ITEMS - len(self.preview)
            self.preview += [
                {"kind": i.kind, "title": i.title, "outcome": i.outcome, "reason": i.reason}
                for i in notable[:room]
            ]
        elif self.items:
            ImportItem.objects.bulk_create(self.items)
        self.items = []

    def report(self):
        report = {
            "counts": {kind: dict(outcomes) for kind, outcomes in self.counts.items()},
            "images": {
                "stored": self.media.stored,
                "reused": self.media.reused,
                "found": self.media.found,
                "missing": self.media.missing,
            },
            "redirects": self.redirects_created,
            "shortcodes": dict(self.shortcodes.most_common()),
            "total": self.source.post_total,
        }
        if self.dry_run:
            report["items"] = self.preview
        return report

    # sections, people, tags: made when a post first needs them

    def section_for(self, key):
        """The section for posts of the source's category `key` (None: no category): the one
        --section-map names, else one made from the category, else the default section."""
        if key in self.category_sections:
            return self.category_sections[key]
        record = self.source.section_record(key) if key else None
        mapped = self.options.section_map.get((key or "").lower())
        if mapped is None and record is not None:
            mapped = self.options.section_map.get(record.title.lower())
        if mapped is None:  # "*" maps every other category (and posts without one)
            mapped = self.options.section_map.get("*", None if record else DEFAULT_SECTION)
        if mapped:
            slug = ascii_slug(mapped) or DEFAULT_SECTION
            target = SectionRecord(
                key=f"map:{slug}", title=slug.replace("-", " ").title(), slug=slug
            )
        else:
            target = record
        slug = ascii_slug(target.slug or target.title) or DEFAULT_SECTION
        if slug not in self.sections:
            self.sections[slug] = self.section(target, slug)
        self.category_sections[key] = self.sections[slug]
        return self.sections[slug]

    def section(self, record, slug):
        known = self.provenance.get("section", record.key)
        section = SectionPage.objects.filter(pk=known.object_id).first() if known else None
        outcome, reason = Outcome.UNCHANGED, ""
        if section is None:
            section = SectionPage.objects.child_of(self.home).filter(slug=slug).first()
            reason = "an existing section" if section else ""
        if section is None and self.dry_run:
            self.record("section", record.key, record.title, Outcome.CREATED)
            return None
        if section is None:
            with transaction.atomic():
                section = SectionPage(
                    locale_id=self.home.locale_id,
                    title=record.title[:255],
                    slug=slug,
                    intro=record.description[:400],
                    show_in_menus=False,
                )
                self.home.add_child(instance=section)
                publish_quietly(section.save_revision(clean=False))
                self.provenance.remember("section", record.key, section)
            outcome = Outcome.CREATED
            self.purge.add(self.url_of(section))
        elif not known and not self.dry_run:
            self.provenance.remember("section", record.key, section)
        if not known:
            self.record(
                "section",
                record.key,
                record.title,
                outcome,
                reason=reason,
                new_url=self.url_of(section),
            )
        return section

    def person_for(self, key):
        if key in self.people:
            return self.people[key]
        record = self.source.person_record(key)
        person = self.person(record) if record else None
        self.people[key] = person
        return person

    def person(self, record):
        checksum = self.checksum(record)
        known = self.provenance.get("person", record.key)
        author = Author.objects.filter(pk=known.object_id).first() if known else None
        if author and known.checksum == checksum:
            return author
        photo_id = None
        if record.photo:
            photo_id = self.media.image_for(record.photo.url, alt=record.name, title=record.name)
        bio = Truncator(" ".join(record.bio.split())).chars(1000)
        if self.dry_run:
            self.record(
                "person", record.key, record.name, Outcome.UPDATED if author else Outcome.CREATED
            )
            return author
        outcome, reason = Outcome.UPDATED, ""
        # Saved without Author's post_save, which purges the author's pages one person at a
        # time: the import purges once at the end. The search index is updated here instead.
        with transaction.atomic():
            if author:
                fields = {"name": record.name[:120], "bio": bio or author.bio}
                if photo_id:
                    fields["photo_id"] = photo_id
                Author.objects.filter(pk=author.pk).update(**fields)
                author.refresh_from_db()
            else:
                slug = ascii_slug(record.slug or record.name) or "author"
                author = Author.objects.filter(slug=slug, name__iexact=record.name).first()
                if author:
                    outcome, reason = Outcome.UNCHANGED, "the same name as an existing author"
                else:
                    author = Author(
                        name=record.name[:120],
                        slug=self.free_author_slug(slug),
                        bio=bio,
                        photo_id=photo_id,
                    )
                    Author.objects.bulk_create([author])
                    outcome = Outcome.CREATED
            self.provenance.remember("person", record.key, author, checksum=checksum)
        index.insert_or_update_object(author)
        self.purge.add(author.get_absolute_url())
        self.record(
            "person",
            record.key,
            record.name,
            outcome,
            reason=reason,
            new_url=author.get_absolute_url(),
            old_paths=record.old_paths,
        )
        return author

    def free_author_slug(self, slug):
        taken = set(Author.objects.filter(slug__startswith=slug).values_list("slug", flat=True))
        candidate, number = slug, 1
        while candidate in taken:
            number += 1
            candidate = f"{slug}-{number}"
        return candidate

    def tag_for(self, key):
        if key in self.tags:
            return self.tags[key]
        record = self.source.tag_record(key)
        tag = None
        if record and record.name.strip():
            known = self.provenance.get("tag", record.key)
            tag = Tag.objects.filter(pk=known.object_id).first() if known else None
            tag = tag or Tag.objects.filter(name__iexact=record.name.strip()[:100]).first()
            if tag is None and not self.dry_run:
                slug = ascii_slug(record.slug or record.name) or "tag"
                taken = set(
                    Tag.objects.filter(slug__startswith=slug).values_list("slug", flat=True)
                )
                candidate, number = slug, 1
                while candidate in taken:
                    number += 1
                    candidate = f"{slug}-{number}"
                tag = Tag.objects.create(name=record.name.strip()[:100], slug=candidate)
                self.counts["tag"][Outcome.CREATED] += 1
            elif tag is None:
                self.counts["tag"][Outcome.CREATED] += 1
            if tag and not known and not self.dry_run:
                self.provenance.remember("tag", record.key, tag)
        self.tags[key] = tag
        return tag

    # posts

    def checksum(self, record):
        data = json.dumps(
            {"v": CONVERSION_VERSION, "record": record.__dict__, "options": self.shaping_options},
            sort_keys=True,
            default=str,
        )
        return hashlib.sha256(data.encode()).hexdigest()

    def import_post(self, post):
        old_paths = [Redirect.normalise_path(path) for path in post.old_paths]
        if post.status == "skip":
            self.skipped_keys.add(post.key)
            self.record(post.kind, post.key, post.title, Outcome.SKIPPED, reason=post.note)
            return
        checksum = self.checksum(post)
        known = self.provenance.get("post", post.key)
        url_path = self.imported_paths().get(known.object_id) if known else None
        if known and url_path is None:
            self.skipped_keys.add(post.key)
            self.record(
                "post",
                post.key,
                post.title,
                Outcome.SKIPPED,
                old_paths=old_paths,
                reason="deleted on this site since an earlier import",
            )
            return
        if known and known.checksum == checksum:
            if post.status == "published" and self.wants_narration(post) and not self.dry_run:
                self.narrate(ArticlePage.objects.get(pk=known.object_id), post)
            self.record(
                "post",
                post.key,
                post.title,
                Outcome.UNCHANGED,
                old_paths=old_paths,
                new_url=self.relative_url(url_path),
            )
            return
        page = ArticlePage.objects.get(pk=known.object_id) if known else None
        self.media.problems = {}
        try:
            section = self.section_for(post.section_key)
            authors = [a for a in (self.person_for(k) for k in post.author_keys) if a]
            tags = [t for t in (self.tag_for(k) for k in post.tag_keys) if t]
            lead_image_id = self.lead_image(post.lead_image)
            body = self.converter.convert(post.html, wordpress=post.wordpress)
        except Exception as error:  # one bad post must not stop the archive: it is reported
            self.fail(post, error, old_paths)
            return
        self.shortcodes.update(body.shortcodes)
        notes = self.notes(post, body)
        if self.dry_run:
            outcome = Outcome.UPDATED if page else Outcome.CREATED
            self.record(
                "post", post.key, post.title, outcome, reason="; ".join(notes), old_paths=old_paths
            )
            return
        fields = {
            "title": Truncator(" ".join(post.title.split()) or "Untitled").chars(255),
            "standfirst": standfirst_from(post.excerpt or body.opening_text(STANDFIRST_LENGTH))
            or Truncator(post.title).chars(STANDFIRST_LENGTH),
            "body": body.blocks,
            "lead_image_id": lead_image_id,
            "lead_image_caption": post.lead_image.caption if post.lead_image else "",
            "lead_image_credit": (post.lead_image.credit if post.lead_image else "")[:200],
            "seo_title": Truncator(post.seo_title).chars(255),
            "search_description": post.seo_description,
        }
        previous = self.provenance.rows.get(("post", post.key))
        created = page is None
        try:
            with transaction.atomic():
                if created:
                    page = self.create_article(post, section, fields, authors, tags)
                else:
                    page = self.update_article(page, post, section, fields, authors, tags)
                self.provenance.remember(
                    "post", post.key, page, checksum=checksum, links_pending=body.links_pending
                )
                if post.status == "published":
                    self.add_redirects(old_paths, page=page)
                    self.narrate(page, post)
        except Exception as error:  # rolled back whole; reported, and the import goes on
            self.provenance.forget("post", post.key, previous)
            self.slugs.pop(section.pk, None)  # read again: a slug taken here was rolled back
            self.fail(post, error, old_paths)
            return
        self.imported_paths()[page.pk] = page.url_path
        if post.status == "published" or not created:
            self.purge.update([self.url_of(page), self.url_of(section)])
        self.record(
            "post",
            post.key,
            post.title,
            Outcome.CREATED if created else Outcome.UPDATED,
            reason="; ".join(notes),
            new_url=self.url_of(page),
            old_paths=old_paths,
        )

    def fail(self, post, error, old_paths):
        logger.warning("import of %s post %s failed", self.source.system, post.key, exc_info=True)
        self.record(
            "post",
            post.key,
            post.title,
            Outcome.FAILED,
            reason=one_line(error),
            old_paths=old_paths,
        )

    def notes(self, post, body):
        notes = [post.note] if post.note else []
        notes += [f"shortcode [{name}] removed" for name in sorted(body.shortcodes)]
        notes += body.notes
        notes += [f"picture {url}: {why}" for url, why in self.media.problems.items()]
        if post.section_key is None:
            notes.append("no category: put in the default section")
        if not post.author_keys:
            notes.append("no author")
        return notes

    def lead_image(self, ref):
        if ref is None or not ref.url:
            return None
        return self.media.image_for(
            ref.url,
            alt=ref.alt,
            title=ref.title,
            caption=ref.caption,
            credit=ref.credit,
            relative_file=ref.relative_file,
        )

    def body_image(self, src, *, alt=""):
        ref = self.source.body_image(src, alt)
        return self.media.image_for(
            ref.url,
            alt=ref.alt,
            title=ref.title,
            caption=ref.caption,
            credit=ref.credit,
            relative_file=ref.relative_file,
        )

    def free_slug(self, section, wanted, exclude=None):
        """`wanted`, or `wanted-2`, `-3`... whichever no other page in `section` has. The
        section's slugs are read once and kept up to date by the import."""
        if section.pk not in self.slugs:
            self.slugs[section.pk] = dict(Page.objects.child_of(section).values_list("slug", "pk"))
        taken = self.slugs[section.pk]
        candidate, number = wanted, 1
        while taken.get(candidate, exclude) != exclude:
            number += 1
            candidate = f"{wanted}-{number}"
        return candidate

    def take_slug(self, page, section):
        self.slugs.setdefault(section.pk, {})[page.slug] = page.pk

    def create_article(self, post, section, fields, authors, tags):
        """A new article, saved once in the state Wagtail's publish action would leave it in
        (live with its live revision, scheduled with an approved go-live date, or a draft).
        The action itself rebuilds the page from the revision and saves it a second time, with
        every child relation: for an archive of thousands, half the import's time."""
        live = post.status == "published"
        scheduled = post.status == "scheduled"
        now = timezone.now()
        page = ArticlePage(
            **fields,
            slug=self.free_slug(section, page_slug(post.slug, post.title) or f"post-{post.key}"),
            locale_id=self.home.locale_id,
            live=live,
            has_unpublished_changes=not live,
            first_published_at=(post.published_at or now) if live else None,
            last_published_at=(post.modified_at or post.published_at or now) if live else None,
            go_live_at=post.published_at if scheduled else None,
        )
        page.article_authors = [
            ArticleAuthor(author=a, sort_order=i) for i, a in enumerate(authors)
        ]
        page.tags.set(tags)
        section.add_child(instance=page)
        self.take_slug(page, section)
        revision = Revision.objects.create(
            content_object=page,
            base_content_type=page.get_base_content_type(),
            content=page.serializable_data(),
            object_str=str(page),
            approved_go_live_at=page.go_live_at,
        )
        Page.objects.filter(pk=page.pk).update(
            latest_revision=revision,
            live_revision=revision if live else None,
            latest_revision_created_at=revision.created_at,
            draft_title=page.title,
        )
        page.latest_revision, page.live_revision = revision, revision if live else None
        self.own_revisions[page.pk] = revision.pk
        return page

    def update_article(self, page, post, section, fields, authors, tags):
        if page.get_parent().pk != section.pk:
            page.move(section, pos="last-child")
            page = ArticlePage.objects.get(pk=page.pk)
        for name, value in fields.items():
            setattr(page, name, value)
        wanted = page_slug(post.slug, post.title) or f"post-{post.key}"
        if page.slug != wanted and not page.slug.startswith(f"{wanted}-"):
            page.slug = self.free_slug(section, wanted, exclude=page.pk)
            self.take_slug(page, section)
        page.article_authors = [
            ArticleAuthor(author=a, sort_order=i) for i, a in enumerate(authors)
        ]
        page.tags.set(tags)
        if post.status == "published" and not page.first_published_at:
            page.first_published_at = post.published_at or timezone.now()
        page.go_live_at = post.published_at if post.status == "scheduled" else None
        revision = page.save_revision()
        if post.status in ("published", "scheduled"):
            publish_quietly(revision)
        elif page.live:
            ArticlePage.objects.filter(pk=page.pk).update(
                live=False, live_revision=None, has_unpublished_changes=True
            )
            self.purge.add(self.url_of(page))
        page = ArticlePage.objects.get(pk=page.pk)
        self.set_dates(page, post)
        return page

    def set_dates(self, page, post):
        if page.live:
            ArticlePage.objects.filter(pk=page.pk).update(
                last_published_at=post.modified_at or post.published_at or page.last_published_at
            )

    def wants_narration(self, post):
        since = self.options.narrate_since
        return bool(since and post.published_at and post.published_at >= since)

    def narrate(self, page, post):
        if self.wants_narration(post):
            # A peer app's service: narration reacts to publishing, which the import bypasses.
            from newsdesk.narration.services import request_narration

            request_narration(article=page)

    def url_of(self, page):
        return self.relative_url(page.url_path)

    def relative_url(self, url_path):
        root = self.home.url_path
        return "/" + url_path.removeprefix(root) if url_path.startswith(root) else ""

    def imported_paths(self):
        """{page id: url_path} of the articles earlier runs imported, read in one go: a second
        run of a large archive asks nothing more of the database for an unchanged post."""
        if self.paths is None:
            ids = [known.object_id for (kind, _), known in self.provenance.rows.items()
                   if kind == "post"]  # fmt: skip
            self.paths = {}
            for start in range(0, len(ids), 5000):
                chunk = ids[start : start + 5000]
                self.paths.update(Page.objects.filter(pk__in=chunk).values_list("pk", "url_path"))
        return self.paths

    # links and redirects

    def internal_path(self, href):
        try:
            parts = urlsplit(href)
        except ValueError:
            return None
        if parts.scheme in ("http", "https") and parts.hostname in self.source.hosts:
            pass
        elif parts.scheme or parts.netloc or not parts.path.startswith("/"):
            return None
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        return Redirect.normalise_path(path)

    def resolve_link(self, href):
        if self.dry_run:
            return None
        path = self.internal_path(href)
        if path is None:
            return None
        target = self.link_targets.get(path) or self.link_targets.get(path.split("?")[0])
        if target is None:
            return None
        kind, key = target
        if kind == "post":
            known = self.provenance.get("post", key)
            if known:
                return ("page", known.object_id)
            return None if key in self.skipped_keys else ("pending", None)
        found = {"section": self.category_sections, "person": self.people, "tag": self.tags}
        obj = found[kind].get(key)
        if obj is None:
            return None
        if kind == "section":
            return ("page", obj.pk)
        if kind == "person":
            return ("url", obj.get_absolute_url())
        return ("url", reverse("tag", args=[obj.slug]))

    def add_redirects(self, paths, *, page=None, link=""):
        if page is not None:
            own = Redirect.normalise_path(self.url_of(page))
        redirects = []
        for path in paths:
            old = Redirect.normalise_path(path)
            if old in self.redirect_paths or old == "/" or len(old) > 255:
                continue
            if page is not None and old == own:
                continue
            self.redirect_paths.add(old)
            redirects.append(
                Redirect(
                    old_path=old,
                    site=self.site,
                    redirect_page=page,
                    redirect_link=link,
                    is_permanent=True,
                )
            )
        Redirect.objects.bulk_create(redirects, ignore_conflicts=True)
        self.redirects_created += len(redirects)

    def add_archive_redirects(self):
        """Old addresses of categories, tags, authors and feeds: to their new homes."""
        for key, section in self.category_sections.items():
            record = self.source.section_record(key) if key else None
            if section and record:
                self.add_redirects(record.old_paths, page=section)
                self.add_redirects(
                    record.feed_paths, link=reverse("feed_section", args=[section.slug])
                )
        for key, author in self.people.items():
            record = self.source.person_record(key)
            if author and record:
                self.add_redirects(record.old_paths, link=author.get_absolute_url())
                self.add_redirects(
                    record.feed_paths, link=reverse("feed_author", args=[author.slug])
                )
        for key, tag in self.tags.items():
            record = self.source.tag_record(key)
            if tag and record:
                self.add_redirects(record.old_paths, link=reverse("tag", args=[tag.slug]))
        for path, name in self.source.feed_redirects():
            self.add_redirects([path], link=reverse(name))

    def fix_links(self):
        """Posts that linked to posts later in the file: now that those exist, link to them."""
        for key, known in self.provenance.pending_links("post"):
            page = ArticlePage.objects.filter(pk=known.object_id).first()
            if page is None:
                continue
            pending = False
            blocks = []
            for block in page.body.raw_data:
                if block["type"] == "paragraph":
                    value, still = self.relink(block["value"])
                    pending |= still
                    block = {**block, "value": value}
                blocks.append(block)
            with transaction.atomic():
                page.body = blocks
                own = self.own_revisions.get(page.pk)
                if own and own == page.latest_revision_id:
                    # This run wrote the page and its only revision: correct both in place
                    # rather than publish a second revision of the same text.
                    ArticlePage.objects.filter(pk=page.pk).update(body=page.body)
                    Revision.objects.filter(pk=own).update(content=page.serializable_data())
                    ReferenceIndex.create_or_update_for_object(page)
                else:
                    last_published_at = page.last_published_at
                    revision = page.save_revision(clean=False)
                    if page.live:
                        publish_quietly(revision, log_action=False)
                        ArticlePage.objects.filter(pk=page.pk).update(
                            last_published_at=last_published_at
                        )
                if not pending:
                    self.provenance.links_done("post", key)
            self.purge.add(self.url_of(page))

    def relink(self, value):
        root = lxml.html.fragment_fromstring(value)
        pending = False
        for link in root.iter("a"):
            href = link.get("href")
            target = self.resolve_link(href) if href else None
            if target and target[0] == "page":
                del link.attrib["href"]
                link.set("linktype", "page")
                link.set("id", str(target[1]))
            elif target and target[0] == "pending":
                pending = True
        return lxml.html.tostring(root, encoding="unicode", method="xml"), pending

    def purge_once(self):
        """One purge for the whole import: the pages it changed and every listing of them."""
        if not self.purge and not self.redirects_created:
            return
        paths = {"/", *self.purge}
        paths |= {
            reverse(name)
            for name in (
                "search",
                "feed_latest",
                "feed_latest_atom",
                "sitemap",
                "sitemap_pages",
                "news_sitemap",
            )
        }
        paths |= {reverse("feed_section", args=[s.slug]) for s in self.sections.values() if s}
        paths |= {reverse("tag", args=[t.slug]) for t in self.tags.values() if t}
        purge_paths(sorted(paths))
        bump("articles", "chrome")
