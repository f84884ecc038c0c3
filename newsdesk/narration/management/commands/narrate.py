import shutil
import time

from django.core.management.base import BaseCommand, CommandError

from newsdesk.articles.models import ArticlePage
from newsdesk.narration import services, tasks
from newsdesk.narration.models import Narration


class ProgressBar:
    """One line redrawn in place on a terminal; a line per article otherwise (logs, CI)."""

    def __init__(self, out, total):
        self.out = out
        self.total = total
        self.tty = out.isatty()
        self.started = time.monotonic()

    def show(self, done, fraction, title):
        if not self.tty:
            return
        overall = (done + fraction) / self.total
        width = 28
        filled = round(overall * width)
        elapsed = time.monotonic() - self.started
        line = (
            f"[{'#' * filled}{'.' * (width - filled)}] {overall:4.0%}  {done + 1}/{self.total}  "
            f"{elapsed:4.0f} s  {title}"
        )
        columns = shutil.get_terminal_size((100, 20)).columns
        self.out.write("\r" + line[: columns - 1].ljust(columns - 1), ending="")
        self.out.flush()

    def finish_item(self, message):
        if self.tty:
            columns = shutil.get_terminal_size((100, 20)).columns
            self.out.write("\r" + " " * (columns - 1) + "\r", ending="")
        self.out.write(message)
        self.out.flush()


class Command(BaseCommand):
    help = (
        "Narrate articles now, in this process: the given article ids, or with --all-missing "
        "every published article whose audio is missing or reads an older text (shortest "
        "first). --queue hands them to the task worker instead."
    )

    def add_arguments(self, parser):
        parser.add_argument("article_ids", nargs="*", type=int, metavar="article-id")
        parser.add_argument(
            "--all-missing",
            action="store_true",
            help="Every published article without current audio.",
        )
        parser.add_argument(
            "--force", action="store_true", help="Narrate again even if the audio is current."
        )
        parser.add_argument(
            "--queue", action="store_true", help="Queue for the worker instead of narrating here."
        )

    def handle(self, *args, article_ids, all_missing, force, queue, **options):
        if bool(article_ids) == all_missing:
            raise CommandError("Give article ids or --all-missing (not both).")
        if all_missing:
            articles = list(services.missing())
        else:
            found = {a.pk: a for a in ArticlePage.objects.live().filter(pk__in=article_ids)}
            unknown = [str(pk) for pk in article_ids if pk not in found]
            if unknown:
                raise CommandError(f"No published article with id {', '.join(unknown)}.")
            articles = [found[pk] for pk in article_ids]
        if not articles:
            self.stdout.write("Nothing to narrate: every published article has current audio.")
            return
        if queue:
            queued = sum(tasks.request_narration(article=a, force=force) for a in articles)
            self.stdout.write(f"Queued {queued} of {len(articles)} articles for the worker.")
            return
        self.narrate_all(articles, force)

    def narrate_all(self, articles, force):
        bar = ProgressBar(self.stdout, len(articles))
        failures = 0
        for done, article in enumerate(articles):
            bar.show(done, 0, article.title)
            started = time.monotonic()
            try:
                result = tasks.run_narration(
                    article_id=article.pk,
                    force=force,
                    on_progress=lambda f, d=done, t=article.title: bar.show(d, f, t),
                )
            except Exception as exc:
                failures += 1
                bar.finish_item(f"{article.title}: FAILED, {services.describe(exc)}")
                continue
            narration = Narration.objects.get(article=article)
            if result == "ready":
                outcome = (
                    f"ready, {narration.duration_label} of audio in "
                    f"{time.monotonic() - started:.0f} s"
                )
            elif result == "unchanged":
                outcome = "audio is current"
            else:
                outcome = narration.detail or result
            bar.finish_item(f"{article.title}: {outcome}")
        if failures:
            raise CommandError(f"{failures} of {len(articles)} articles failed.")
