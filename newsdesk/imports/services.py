"""Import workflows: check a file (the dry run), import it, report. The admin's Import page, the
task worker and the management commands all go through these functions."""

import csv
import io
import logging
import uuid
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from newsdesk.core.importing import ExportError, kind_for
from newsdesk.imports.ghost import GhostSource
from newsdesk.imports.importer import Importer
from newsdesk.imports.models import ImportItem, ImportRun
from newsdesk.imports.wordpress import WordPressSource

logger = logging.getLogger("newsdesk.imports")
Source = ImportRun.Source


def store_upload(upload):
    """Keep an uploaded export outside the public media folder; its path relative to
    IMPORT_FILES_DIR."""
    name = Path(upload.name).name or "export"
    relative = Path(uuid.uuid4().hex) / name
    target = Path(settings.IMPORT_FILES_DIR) / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return str(relative)


def file_of(run):
    path = Path(run.file_path)
    return path if path.is_absolute() else Path(settings.IMPORT_FILES_DIR) / path


def forget_upload(run):
    """An uploaded export holds drafts and e-mail addresses: once imported (or refused) it is
    deleted; the report stays. Files named on the command line are the user's own."""
    if Path(run.file_path).is_absolute():
        return
    path = file_of(run)
    path.unlink(missing_ok=True)
    if path.parent != Path(settings.IMPORT_FILES_DIR) and not any(path.parent.iterdir()):
        path.parent.rmdir()


def create_run(*, source, file_path, file_name, options=None, dry_run=False, user=None):
    return ImportRun.objects.create(
        source=source,
        file_path=str(file_path),
        file_name=file_name[:255],
        options=options or {},
        dry_run=dry_run,
        created_by=user,
    )


def source_of(run):
    path, name = file_of(run), run.file_name
    if run.source == Source.WORDPRESS:
        return WordPressSource(path, name)
    return GhostSource(path, name, site_url=run.options.get("site_url", ""))


class Journal:
    """Where a kind registered by another app (`newsdesk.core.importing`) writes its progress
    and the rows of its report; a dry run keeps none of them."""

    def __init__(self, run, *, dry_run):
        self.run, self.dry_run, self.items = run, dry_run, []

    def start(self, total):
        if not self.dry_run:
            self.run.mark_running(total=total)

    def add(self, *, kind, source_id, title, outcome, reason=""):
        if not self.dry_run:
            self.items.append(
                ImportItem(
                    run=self.run,
                    kind=kind,
                    source_id=source_id,
                    title=title,
                    outcome=outcome,
                    reason=reason,
                )
            )

    def progress(self, done):
        self.close()
        if not self.dry_run:
            self.run.mark_progress(done)

    def close(self):
        ImportItem.objects.bulk_create(self.items)
        self.items = []


def report_of(run, *, dry_run=False, clock=None):
    kind = kind_for(run.source)
    if kind:
        journal = Journal(run, dry_run=dry_run)
        return kind.run(
            path=file_of(run),
            name=run.file_name,
            options=run.options,
            dry_run=dry_run,
            journal=journal,
        )
    options = {"clock": clock} if clock else {}
    return Importer(run=run, source=source_of(run), dry_run=dry_run, **options).execute()


def analyse(*, run):
    """The dry run: read the whole file, say what an import would do, change nothing."""
    try:
        report = report_of(run, dry_run=True)
    except ExportError as error:
        run.mark_invalid(str(error))
        forget_upload(run)
        return run
    run.mark_ready(report)
    return run


def execute(*, run, clock=None):
    """Import the file. A run that was interrupted is simply run again: what was imported is
    found unchanged and skipped."""
    try:
        report = report_of(run, clock=clock)
    except ExportError as error:
        run.mark_invalid(str(error))
        forget_upload(run)
        return run
    except Exception as error:
        logger.exception("import %s stopped", run.pk)
        run.mark_failed(f"{type(error).__name__}: {error}")
        raise
    run.mark_finished(report)
    forget_upload(run)
    return run


def upload(*, source, uploaded_file, options, user):
    """A file uploaded in the admin, stored for the task worker to check."""
    relative = store_upload(uploaded_file)
    return create_run(
        source=source, file_path=relative, file_name=uploaded_file.name, options=options, user=user
    )


def analyse_queued(*, run_id):
    run = ImportRun.objects.filter(pk=run_id, status=ImportRun.Status.ANALYSING).first()
    if run:
        analyse(run=run)


def execute_queued(*, run_id):
    # RUNNING too: a worker that died mid-import leaves it so, and its task is run again.
    statuses = (ImportRun.Status.QUEUED, ImportRun.Status.RUNNING)
    run = ImportRun.objects.filter(pk=run_id, status__in=statuses).first()
    if run:
        execute(run=run)


KIND_LABELS = {
    "post": "articles",
    "page": "pages",
    "person": "authors",
    "section": "sections",
    "tag": "tags",
    "subscriber": "subscribers",
}


def summary(report):
    """'3 created, 1 updated, 2 skipped' for each kind of thing a report counts."""
    lines = []
    for kind, outcomes in report.get("counts", {}).items():
        counts = ", ".join(f"{n} {outcome}" for outcome, n in sorted(outcomes.items()))
        lines.append(f"{KIND_LABELS.get(kind, f'{kind} posts')}: {counts}")
    images = report.get("images")
    if images and any(images.values()):
        lines.append("pictures: " + ", ".join(f"{n} {k}" for k, n in images.items() if n))
    if report.get("redirects"):
        lines.append(f"redirects: {report['redirects']} created")
    if report.get("shortcodes"):
        names = ", ".join(f"[{name}] x{n}" for name, n in report["shortcodes"].items())
        lines.append(f"shortcodes removed: {names}")
    return lines


def redirects_csv(*, run):
    """Old address -> new address of everything the run imported, as CSV text."""
    from wagtail.models import Site

    root = Site.objects.get(is_default_site=True).root_url
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["old_path", "new_url", "kind", "title", "outcome"])
    items = run.items.exclude(new_url="").exclude(old_urls="").order_by("pk")
    for item in items.iterator(chunk_size=2000):
        for old in item.old_urls.splitlines():
            writer.writerow([old, root + item.new_url, item.kind, item.title, item.outcome])
    return out.getvalue()


def report_items(run, limit=500):
    """The first rows of a run's report: failures and skips first, then the rest."""
    first = (ImportItem.Outcome.FAILED, ImportItem.Outcome.SKIPPED)
    problems = list(run.items.filter(outcome__in=first).order_by("pk")[:limit])
    others = run.items.exclude(outcome__in=first).order_by("pk")[: limit - len(problems)]
    return problems + list(others)


def elapsed(run):
    end = run.finished_at or timezone.now()
    return (end - run.started_at).total_seconds() if run.started_at else None
