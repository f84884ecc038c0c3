"""The command of the subscriber import, which the newsletters app registers (see
`newsdesk.core.importing`): its arguments and its work are the kind's, the run and the printed
report this app's, as for every import."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsdesk.core.importing import kind_for
from newsdesk.imports import services
from newsdesk.imports.models import ImportRun


class Command(BaseCommand):
    source = "subscribers"

    @property
    def kind(self):
        return kind_for(self.source)

    @property
    def help(self):
        return self.kind.help

    def add_arguments(self, parser):
        parser.add_argument("file", help="The CSV file.")
        self.kind.add_arguments(parser)
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and report; change nothing."
        )

    def handle(self, *args, file, dry_run=False, **options):
        if not Path(file).is_file():
            raise CommandError(f"{file}: no such file.")
        run = services.create_run(
            source=self.source,
            file_path=Path(file).resolve(),
            file_name=file,
            options=self.kind.command_options(options),
            dry_run=dry_run,
        )
        run = services.analyse(run=run) if dry_run else services.execute(run=run)
        if run.status == ImportRun.Status.INVALID:
            raise CommandError(run.error)
        report = run.analysis if dry_run else run.report
        self.stdout.write(("Checked " if dry_run else "Imported ") + file)
        for line in services.summary(report):
            self.stdout.write(f"  {line}")
