"""Sections, authors and tags of an import, made when a post first needs them; a part of
`importer.Importer`, kept apart by concern (the class reads them through `self`)."""

from django.db import transaction
from django.utils.text import Truncator
from taggit.models import Tag
from wagtail.search import index

from newsdesk.articles.models import SectionPage
from newsdesk.imports.models import ImportItem
from newsdesk.imports.records import SectionRecord
from newsdesk.imports.writing import ascii_slug, publish_quietly
from newsdesk.people.models import Author

DEFAULT_SECTION = "archive"
Outcome = ImportItem.Outcome


class Entities:
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
