from django_tasks_db.management.commands import db_worker

from newsdesk.core.workers import Heartbeat, queues_label


class Command(db_worker.Command):
    help = (
        "Run a database task worker that records a heartbeat and re-queues the tasks of "
        "workers that died."
    )

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
