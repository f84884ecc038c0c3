"""Background work of newsletters. Each task takes ids, calls a service and is safe to run twice.

Everything goes to the "mail" queue. Sign-up mail outranks bulk sending, so a reader waiting for
a confirmation link is not queued behind an issue going to thousands.
"""

from django.tasks import task

from newsdesk.newsletters import services

TRANSACTIONAL = 10
BULK = -10


@task(queue_name="mail", priority=TRANSACTIONAL)
def send_confirmation(subscriber_id):
    return services.send_confirmation(subscriber_id=subscriber_id)


@task(queue_name="mail", priority=TRANSACTIONAL)
def send_welcome(subscriber_id, subscription_ids):
    return services.send_welcome(subscriber_id=subscriber_id, subscription_ids=subscription_ids)


@task(queue_name="mail", priority=BULK)
def send_issue(issue_id, scheduled_for=None):
    return services.start_sending(issue_id=issue_id, scheduled_for=scheduled_for)


@task(queue_name="mail", priority=BULK)
def deliver_issue(issue_id):
    return services.deliver(issue_id=issue_id)


@task(queue_name="mail", priority=BULK)
def watch_issue(issue_id):
    return services.watch(issue_id=issue_id)
