"""Links between imported posts, redirects from the old addresses, and the one purge at the end
of an import; a part of `importer.Importer`, kept apart by concern."""

from urllib.parse import urlsplit

import lxml.html
from django.db import transaction
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import ReferenceIndex, Revision

from newsdesk.articles.models import ArticlePage
from newsdesk.imports.writing import publish_quietly
from newsdesk.serving.purge import purge_paths
from newsdesk.serving.versions import bump


class Links:
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
