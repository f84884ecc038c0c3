"""What `import_wordpress`, `import_ghost` and `import_subscribers` share: options, the run, the
printed report."""

import time
from datetime import datetime
from datetime import time as day_start
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils import timezone

from newsdesk.imports import services
from newsdesk.imports.models import ImportRun


def parse_since(value):
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--narrate-since {value!r}: give a date, e.g. 2024-01-31.") from None
    if len(value) <= 10:
        moment = datetime.combine(moment.date(), day_start.min)
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def parse_section_map(pairs):
    """{category: section} from "CATEGORY=SECTION" strings; ValueError names a bad one."""
    mapping = {}
    for pair in pairs:
        category, equals, section = pair.partition("=")
        if not equals or not category.strip() or not section.strip():
            raise ValueError(f"{pair!r}: write CATEGORY=SECTION, e.g. news=world.")
        mapping[category.strip()] = section.strip()
    return mapping


class ImportCommand(BaseCommand):
    source = None
    media_option = "--media-dir"

    def add_arguments(self, parser):
        parser.add_argument("export", help="The export file.")
        media = parser.add_mutually_exclusive_group()
        media.add_argument(
            self.media_option,
            dest="media_dir",
            help="A local copy of the old site's uploads folder, where the pictures are.",
        )
        media.add_argument(
            "--fetch-media", action="store_true", help="Download the pictures from the old site."
        )
        parser.add_argument(
            "--allow-private-media",
            action="store_true",
            help="Let --fetch-media download from private and loopback addresses.",
        )
        parser.add_argument(
            "--section-map",
            action="append",
            nargs="+",
            metavar="CATEGORY=SECTION",
            help="Put posts of a category (slug or name; * for all others) into a section (slug).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and report; change nothing."
        )
        parser.add_argument(
            "--narrate-since",
            metavar="DATE",
            help="Queue narration for the articles published on or after this date.",
        )

    def options_of(self, options):
        if options.get("media_dir") and not Path(options["media_dir"]).is_dir():
            raise CommandError(f"{options['media_dir']}: no such folder.")
        result = {
            "media_dir": str(Path(options["media_dir"]).resolve())
            if options.get("media_dir")
            else "",
            "fetch_media": options["fetch_media"],
            "allow_private_media": options["allow_private_media"],
            "section_map": self.section_map(options.get("section_map") or []),
        }
        if options.get("narrate_since"):
            result["narrate_since"] = parse_since(options["narrate_since"]).isoformat()
        return result

    def section_map(self, groups):
        try:
            return parse_section_map([pair for group in groups for pair in group])
        except ValueError as error:
            raise CommandError(f"--section-map {error}") from None

    def handle(self, *args, export, dry_run=False, **options):
        path = Path(export)
        if not path.is_file():
            raise CommandError(f"{export}: no such file.")
        run = services.create_run(
            source=self.source,
            file_path=path.resolve(),
            file_name=export,
            options=self.options_of(options),
            dry_run=dry_run,
        )
        started = time.monotonic()
        run = services.analyse(run=run) if dry_run else services.execute(run=run)
        if run.status == ImportRun.Status.INVALID:
            raise CommandError(run.error)
        report = run.analysis if dry_run else run.report
        verb = "Checked (nothing changed)" if dry_run else "Imported"
        self.stdout.write(f"{verb} {export} in {time.monotonic() - started:.1f} s")
        for line in services.summary(report):
            self.stdout.write(f"  {line}")
        for item in report.get("items", [])[:50]:
            note = f" ({item['reason']})" if item["reason"] else ""
            self.stdout.write(f"  - {item['kind']} {item['title']!r}: {item['outcome']}{note}")
        if not dry_run:
            self.stdout.write(f"Report: {reverse('imports_admin:run', args=[run.pk])}")
