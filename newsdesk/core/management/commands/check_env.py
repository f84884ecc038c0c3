from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsdesk.core.envfile import check


class Command(BaseCommand):
    help = (
        "Check an environment file (/etc/newsdesk/newsdesk.env): read as systemd and as a shell "
        "read it, with names Newsdesk knows and values its settings accept."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("path", help="the environment file")

    def handle(self, *args, path, **options):
        try:
            text = Path(path).read_text()
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"{path}: {exc}") from None
        problems = check(text)
        for problem in problems:
            self.stderr.write(f"{path}: {problem}")
        if problems:
            raise CommandError(f"{path}: {len(problems)} problem(s)")
        self.stdout.write(f"{path}: systemd and the shell read it alike; the settings accept it")
