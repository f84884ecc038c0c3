"""Articles of an import: one post, one transaction, created or updated as Wagtail's publish
action would leave it; a part of `importer.Importer`, kept apart by concern."""

import hashlib
import json
import logging
from typing import NamedTuple

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import Truncator
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Revision

from newsdesk.articles.models import ArticleAuthor, ArticlePage, ArticleTag
from newsdesk.articles.signals import article_imported
from newsdesk.imports.models import ImportItem
from newsdesk.imports.writing import (
    STANDFIRST_LENGTH,
    one_line,
    page_slug,
    publish_quietly,
    standfirst_from,
)

# Part of every checksum: a new version of the conversion updates what the old one imported.
CONVERSION_VERSION = "1"
Outcome = ImportItem.Outcome
logger = logging.getLogger("newsdesk.imports")


def add_child(section, page):
    """`section.add_child(instance=page)` without the validation of a page an editor typed:
    the importer has made the slug free and the fields fit, and Wagtail's `full_clean` costs
    six queries a page (the parent, the slug, the locale, the content type, the picture)."""
    last = section.get_last_child()
    page.depth = section.depth + 1
    page.path = last._inc_path() if last else page._get_path(section.path, page.depth, 1)
    page._cached_parent_obj = section
    page.save(clean=False)
    Page.objects.filter(path=section.path).update(numchild=F("numchild") + 1)
    section.numchild += 1


class PostParts(NamedTuple):
    """What a post's article is made of, gathered before anything is written."""

    section: object
    authors: list
    tags: list
    lead_image_id: int | None
    body: object


class Posts:
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
        if known and self.kept_as_it_is(post, known, checksum, old_paths):
            return
        page = ArticlePage.objects.get(pk=known.object_id) if known else None
        self.media.problems = {}
        try:
            parts = self.parts_of(post)
        except Exception as error:  # one bad post must not stop the archive: it is reported
            self.fail(post, error, old_paths)
            return
        self.shortcodes.update(parts.body.shortcodes)
        notes = self.notes(post, parts.body)
        if self.dry_run:
            outcome = Outcome.UPDATED if page else Outcome.CREATED
            self.record(
                "post", post.key, post.title, outcome, reason="; ".join(notes), old_paths=old_paths
            )
            return
        saved = self.save_post(post, page, parts, checksum=checksum, old_paths=old_paths)
        if saved is None:
            return
        self.record(
            "post",
            post.key,
            post.title,
            Outcome.UPDATED if page else Outcome.CREATED,
            reason="; ".join(notes),
            new_url=self.url_of(saved),
            old_paths=old_paths,
        )

    def kept_as_it_is(self, post, known, checksum, old_paths):
        """True when an earlier run imported the post and this one leaves it: deleted here
        since (skipped), or unchanged in the export."""
        url_path = self.imported_paths().get(known.object_id)
        if url_path is None:
            self.skipped_keys.add(post.key)
            self.record(
                "post",
                post.key,
                post.title,
                Outcome.SKIPPED,
                old_paths=old_paths,
                reason="deleted on this site since an earlier import",
            )
            return True
        if known.checksum != checksum:
            return False
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
        return True

    def parts_of(self, post):
        return PostParts(
            section=self.section_for(post.section_key),
            authors=[a for a in (self.person_for(k) for k in post.author_keys) if a],
            tags=[t for t in (self.tag_for(k) for k in post.tag_keys) if t],
            lead_image_id=self.lead_image(post.lead_image),
            body=self.converter.convert(post.html, wordpress=post.wordpress),
        )

    def article_fields(self, post, parts):
        body = parts.body
        return {
            "title": Truncator(" ".join(post.title.split()) or "Untitled").chars(255),
            "standfirst": standfirst_from(post.excerpt or body.opening_text(STANDFIRST_LENGTH))
            or Truncator(post.title).chars(STANDFIRST_LENGTH),
            "body": body.blocks,
            "lead_image_id": parts.lead_image_id,
            "lead_image_caption": post.lead_image.caption if post.lead_image else "",
            "lead_image_credit": (post.lead_image.credit if post.lead_image else "")[:200],
            "seo_title": Truncator(post.seo_title).chars(255),
            "search_description": post.seo_description,
        }

    def save_post(self, post, page, parts, *, checksum, old_paths):
        """The article written in one transaction with its provenance and redirects; None
        (and the failure reported) when it could not be."""
        section, fields = parts.section, self.article_fields(post, parts)
        args = (post, section, fields, parts.authors, parts.tags)
        previous = self.provenance.rows.get(("post", post.key))
        created = page is None
        try:
            with transaction.atomic():
                page = self.create_article(*args) if created else self.update_article(page, *args)
                self.provenance.remember(
                    "post",
                    post.key,
                    page,
                    checksum=checksum,
                    links_pending=parts.body.links_pending,
                )
                if post.status == "published":
                    self.add_redirects(old_paths, page=page)
                    self.narrate(page, post)
        except Exception as error:  # rolled back whole; reported, and the import goes on
            self.provenance.forget("post", post.key, previous)
            self.slugs.pop(section.pk, None)  # read again: a slug taken here was rolled back
            self.fail(post, error, old_paths)
            return None
        self.imported_paths()[page.pk] = page.url_path
        if post.status == "published" or not created:
            self.purge.update([self.url_of(page), self.url_of(section)])
        return page

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
        return self.picture(ref)

    def body_image(self, src, *, alt=""):
        return self.picture(self.source.body_image(src, alt))

    def picture(self, ref):
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
            draft_title=fields["title"],
            live=live,
            has_unpublished_changes=not live,
            first_published_at=(post.published_at or now) if live else None,
            last_published_at=(post.modified_at or post.published_at or now) if live else None,
            go_live_at=post.published_at if scheduled else None,
        )
        add_child(section, page)
        self.take_slug(page, section)
        # The page's authors and tags in one INSERT each (a save of the page would write them
        # one row at a time), then kept on the page for its revision.
        page.article_authors = ArticleAuthor.objects.bulk_create(
            [ArticleAuthor(article=page, author=a, sort_order=i) for i, a in enumerate(authors)]
        )
        page.tagged_items = ArticleTag.objects.bulk_create(
            [ArticleTag(content_object=page, tag=tag) for tag in tags]
        )
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
            # Publishing quietly sends no `page_published`; narration listens for this instead.
            article_imported.send(sender=ArticlePage, instance=page)
