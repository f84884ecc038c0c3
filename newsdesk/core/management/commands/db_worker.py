from django_tasks_db.management.commands import db_worker

from newsdesk.core.workers import Heartbeat, queues_label


class Command(db_worker.Command):
    help = (
        "Run a database task worker that records a heartbeat and re-queues the tasks of "
        "workers that died."
    )

    def configure_logging(self, verbosity):
        # The package sets its loggers to INFO at the default verbosity, whatever LOG_LEVEL says:
        # every task then logged two lines. LOGGING decides, as in every other process; -v 2
        # still asks for everything.
        if verbosity > 1:
            super().configure_logging(verbosity)

    def handle(self, *args, worker_id, queue_name, exclude_queues, **options):
        heartbeat = Heartbeat(worker_id, queues_label(queue_name, exclude_queues))
        heartbeat.start()
        try:
            super().handle(
                *args,
                worker_id=worker_id,
                queue_name=queue_name,
                exclude_queues=exclude_queues,
                **options,
            )
        finally:
            heartbeat.stop()
