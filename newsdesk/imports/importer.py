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

`Importer` holds one run's state (what it made, what to purge, the report); its work is written
in parts by concern, each a base class of it: `entities` (sections, authors, tags), `posts`
(articles), `links` (links between posts, redirects, the purge).
"""

import time
from collections import Counter, defaultdict

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site

from newsdesk.imports.bodies import BodyConverter
from newsdesk.imports.entities import Entities
from newsdesk.imports.links import Links
from newsdesk.imports.media import MediaLibrary
from newsdesk.imports.models import ImportItem
from newsdesk.imports.posts import Posts
from newsdesk.imports.provenance import Provenance
from newsdesk.imports.records import Options
from newsdesk.imports.writing import unhurried_commits

PROGRESS_SECONDS = 1.0
ITEM_BATCH = 500
PREVIEW_ITEMS = 300  # rows a dry run's report shows
Outcome = ImportItem.Outcome


class Importer(Entities, Posts, Links):
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
        self.media.flush_index()
        if not self.dry_run:
            self.add_archive_redirects()
            self.fix_links()
        self.flush_items()
        if not self.dry_run:
            self.purge_once()
        return self.report()

    def progress(self):
        self.done += 1
        self.media.flush_index()
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
