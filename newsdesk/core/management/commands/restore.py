import sys

from django.core.management.base import BaseCommand, CommandError

from newsdesk.core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Replace this site's database and media files with those of a backup archive."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="An archive written by `manage.py backup`.")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, archive, yes=False, **options):
        if not yes:
            if not sys.stdin.isatty():
                raise CommandError("Restoring replaces all content; run again with --yes.")
            answer = input("This replaces the database and media of this site. Type 'yes': ")
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        try:
            manifest = restore_backup(archive)
        except BackupError as exc:
            raise CommandError(f"Restore failed: {exc}") from None
        self.stdout.write(f"Restored the backup of {manifest['created']} from {archive}")
