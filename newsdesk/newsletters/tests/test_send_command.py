"""`manage.py newsletter_send`: list issues, send one, follow it with --watch."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from newsdesk.conftest import use_task_backend
from newsdesk.newsletters.models import Issue
from newsdesk.newsletters.tests.conftest import confirmed
from newsdesk.newsletters.tests.test_fault import subscribe_many
from newsdesk.testing import worker


def run(*args):
    out = StringIO()
    call_command("newsletter_send", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_it_lists_issues_and_refuses_unknown_ones(newsletter):
    assert run() == "No issues yet.\n"
    issue = Issue.objects.create(newsletter=newsletter, subject="Listed issue")
    assert f"{issue.pk}  Draft" in run() and "The Morning Brief: Listed issue" in run()
    with pytest.raises(CommandError, match="There is no issue 999"):
        run("999")
    with pytest.raises(CommandError, match="not being sent"):
        run(str(issue.pk), "--resume")


@pytest.mark.django_db
def test_it_sends_now(django_capture_on_commit_callbacks, smtp, newsletter):
    confirmed(newsletter, "a@example.org", "b@example.org")
    issue = Issue.objects.create(newsletter=newsletter, subject="From the command line")
    with django_capture_on_commit_callbacks(execute=True):
        output = run(str(issue.pk), "--now")
    assert "Sending “From the command line”." in output
    assert smtp.wait_for(2)
    assert "Sent      100%  sent 2" in run(str(issue.pk))
    with pytest.raises(CommandError, match="already being sent or has been sent"):
        run(str(issue.pk), "--now")


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_it_watches_a_worker_send(settings, smtp, newsletter):
    use_task_backend(settings, "database")
    subscribe_many(newsletter, 600)
    issue = Issue.objects.create(newsletter=newsletter, subject="Watched")
    with worker(queue="mail", env={"EMAIL_URL": smtp.url, "NEWSLETTER_BATCH_SIZE": 20}):
        output = run(str(issue.pk), "--now", "--watch", "--interval", "0.2")
    lines = output.splitlines()
    assert lines[0] == "Sending “Watched”."
    assert lines[-1].startswith("Sent      100%  sent 600  failed 0  skipped 0  remaining 0")
    assert any("Sending" in line and "remaining" in line for line in lines[1:-1])
    assert smtp.count == 600
