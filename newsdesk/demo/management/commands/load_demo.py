from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import import_string

from newsdesk.demo import indexing
from newsdesk.demo import narration as demo_narration
from newsdesk.narration import services as narration_services

# Each step adds one part of the demo newsroom and leaves existing objects alone.
STEPS = [
    "newsdesk.demo.narration.lexicon",
    "newsdesk.demo.newsroom.load",
    "newsdesk.demo.newsletters.load",
    "newsdesk.demo.feed.load",
    "newsdesk.demo.edition.load",
    "newsdesk.demo.tiers.load",
]

DEMO_LOGINS = [
    # (username, password, group, superuser)
    ("editor", "editor-demo-2026", "Editors", False),
    ("reporter", "reporter-demo-2026", "Reporters", False),
    ("admin", "admin-demo-2026", None, True),
]


class Command(BaseCommand):
    help = "Load the demo newsroom. Safe to run again: what exists is left alone."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even on a production site (SITE_URL is https).",
        )

    def handle(self, *args, force=False, **options):
        if settings.PRODUCTION and not force:
            raise CommandError(
                "This looks like a production site (SITE_URL is https); "
                "the demo creates logins with published passwords. Use --force to load anyway."
            )
        # Indexes are updated once at the end, and narrations queued once the front page is
        # known, instead of a task for each of the hundreds of saves and publications.
        with indexing.indexed_once_at_the_end(), narration_services.requests_held():
            # Logins first: the steps credit demo content to them.
            created = self.logins()
            for path in STEPS:
                created += import_string(path)(self.stdout) or 0
        if created:
            self.stdout.write(f"Demo newsroom: {created} objects created.")
        else:
            self.stdout.write("Demo newsroom already loaded: nothing to do.")
        with transaction.atomic():
            demo_narration.queue(self.stdout)

    def logins(self):
        User = get_user_model()
        created = 0
        for username, password, group, superuser in DEMO_LOGINS:
            if User.objects.filter(username=username).exists():
                continue
            if superuser:
                User.objects.create_superuser(username, f"{username}@localhost", password)
            else:
                user = User.objects.create_user(
                    username, f"{username}@localhost", password, first_name=username.title()
                )
                user.groups.add(Group.objects.get(name=group))
            created += 1
        return created
