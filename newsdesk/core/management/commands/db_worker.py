from django_tasks_db.management.commands import db_worker

from newsdesk.core.workers import Heartbeat


class Command(db_worker.Command):
    help = (
        "Run a database task worker that records a heartbeat and re-queues the tasks of "
        "workers that died."
    )

    def handle(self, *args, worker_id, queue_name, **options):
        heartbeat = Heartbeat(worker_id, queue_name)
        heartbeat.start()
        try:
            super().handle(*args, worker_id=worker_id, queue_name=queue_name, **options)
        finally:
            heartbeat.stop()
