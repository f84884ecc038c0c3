from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsdesk.core.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Write a consistent archive of the database and the media files."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help=(
                "Archive file to write, or a directory to write newsdesk-<date>-<time>.tar.gz "
                "into (default: the backups/ directory of the project)."
            ),
        )

    def handle(self, *args, output=None, **options):
        output = Path(output or Path(settings.BASE_DIR) / "backups")
        if output.is_dir() or not output.name.endswith((".tar.gz", ".tgz")):
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            output = output / f"newsdesk-{stamp}.tar.gz"
        try:
            path = create_backup(output)
        except BackupError as exc:
            raise CommandError(f"Backup failed: {exc}") from None
        size = Path(path).stat().st_size
        self.stdout.write(f"Backup written to {path} ({size / 1_000_000:.1f} MB)")
