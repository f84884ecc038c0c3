from django.tasks import task

from newsdesk.imports import services


@task()
def analyse_import(run_id):
    """Check an uploaded export: the dry-run report the admin shows before starting."""
    services.analyse_queued(run_id=run_id)


@task()
def run_import(run_id):
    """Import a checked file; run again after a lost worker, it resumes."""
    services.execute_queued(run_id=run_id)
