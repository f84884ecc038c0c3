from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsdesk.imports import services
from newsdesk.imports.models import ImportRun
from newsdesk.newsletters.models import Newsletter


class Command(BaseCommand):
    help = (
        "Import subscribers from a CSV (Ghost members, Mailchimp or Substack export) as "
        "confirmed, with their original consent date and no confirmation mail."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The CSV file.")
        parser.add_argument("--newsletter", required=True, help="The slug of the newsletter.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and report; change nothing."
        )

    def handle(self, *args, file, newsletter, dry_run=False, **options):
        if not Path(file).is_file():
            raise CommandError(f"{file}: no such file.")
        if not Newsletter.objects.filter(slug=newsletter).exists():
            slugs = ", ".join(Newsletter.objects.values_list("slug", flat=True)) or "none yet"
            raise CommandError(f"No newsletter {newsletter!r} (there are: {slugs}).")
        run = services.create_run(
            source=ImportRun.Source.SUBSCRIBERS,
            file_path=Path(file).resolve(),
            file_name=file,
            options={"newsletter": newsletter},
            dry_run=dry_run,
        )
        run = services.analyse(run=run) if dry_run else services.execute(run=run)
        if run.status == ImportRun.Status.INVALID:
            raise CommandError(run.error)
        report = run.analysis if dry_run else run.report
        self.stdout.write(("Checked " if dry_run else "Imported ") + file)
        for line in services.summary(report):
            self.stdout.write(f"  {line}")
