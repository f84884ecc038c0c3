import time

from django.core.management.base import BaseCommand, CommandError

from newsdesk.newsletters import issues, tasks
from newsdesk.newsletters.models import Issue


class Command(BaseCommand):
    help = (
        "Send a newsletter issue and follow its progress. Without an issue id, list the issues "
        "that are scheduled, sending or recently sent."
    )

    def add_arguments(self, parser):
        parser.add_argument("issue", nargs="?", type=int, help="The issue's id (see the list).")
        parser.add_argument(
            "--now", action="store_true", help="Start sending the issue now (a task worker sends)."
        )
        parser.add_argument(
            "--resume",
            action="store_true",
            help="Start one more sender for an issue that is sending (after a worker was lost).",
        )
        parser.add_argument(
            "--watch", action="store_true", help="Print the progress until the issue is sent."
        )
        parser.add_argument(
            "--interval", type=float, default=1.0, help="Seconds between progress lines."
        )

    def handle(self, issue=None, now=False, resume=False, watch=False, interval=1.0, **options):
        if issue is None:
            return self.list_issues()
        found = Issue.objects.select_related("newsletter").filter(pk=issue).first()
        if found is None:
            raise CommandError(f"There is no issue {issue}. Run without an id to list them.")
        if now:
            try:
                tasks.send_now(issue=found)
            except issues.SendingError as error:
                raise CommandError(str(error)) from None
            self.stdout.write(f"Sending “{found.subject}”.")
        if resume:
            try:
                tasks.resume(issue=found)
            except issues.SendingError as error:
                raise CommandError(str(error)) from None
            self.stdout.write("One more sender started.")
        self.print_progress(found)
        while watch:
            time.sleep(interval)
            found.refresh_from_db()
            self.print_progress(found)
            if found.status in (Issue.Status.SENT, Issue.Status.DRAFT):
                break

    def print_progress(self, issue):
        progress = issues.get_progress(issue)
        line = (
            f"{issue.get_status_display():9} {progress.percent:3}%  sent {progress.sent}  "
            f"failed {progress.failed}  skipped {progress.skipped}  "
            f"remaining {progress.remaining}  {progress.rate:.0f}/s"
        )
        if progress.eta_seconds:
            line += f"  ~{progress.eta_seconds} s left"
        if progress.error:
            line += f"  last problem: {progress.error}"
        self.stdout.write(line)
        self.stdout.flush()

    def list_issues(self):
        issues = Issue.objects.select_related("newsletter").with_progress()[:20]
        if not issues:
            self.stdout.write("No issues yet.")
        for issue in issues:
            summary = issue.progress_summary or "-"
            self.stdout.write(
                f"{issue.pk:5}  {issue.get_status_display():9}  {summary:>16}  "
                f"{issue.newsletter.name}: {issue.subject}"
            )
