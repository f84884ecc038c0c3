import json

from django.core.management.base import BaseCommand

from newsdesk.core.workers import queue_summary


class Command(BaseCommand):
    help = "Show queued, running and failed task counts, the oldest waiting task and the workers."

    def add_arguments(self, parser):
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="Print one JSON object."
        )

    def handle(self, *args, as_json=False, **options):
        summary = queue_summary()
        if as_json:
            self.stdout.write(json.dumps(summary))
            return
        oldest = summary["oldest_waiting_seconds"]
        beat = summary["heartbeat_age_seconds"]
        self.stdout.write(
            f"queued {summary['queued']}  running {summary['running']}  "
            f"failed {summary['failed']}\n"
            f"oldest waiting task: {seconds(oldest)}\n"
            f"workers alive: {summary['workers_alive']}  "
            f"last heartbeat: {'never' if beat is None else f'{beat:.0f} s ago'}"
        )
        for name, queue in summary["queues"].items():
            self.stdout.write(
                f"  {name}: queued {queue['queued']}  running {queue['running']}  "
                f"failed {queue['failed']}  oldest {seconds(queue['oldest_waiting_seconds'])}  "
                f"workers {queue['workers_alive']}"
            )


def seconds(value):
    return "none" if value is None else f"{value:.0f} s"
