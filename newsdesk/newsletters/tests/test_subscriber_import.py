"""`manage.py import_subscribers`: readers who confirmed on another platform arrive confirmed,
with their original consent date, without a confirmation mail; suppressions stay."""

from datetime import UTC, datetime
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

# The run and its report are the imports app's, which keeps every import's record.
from newsdesk.imports.models import ImportItem, ImportRun
from newsdesk.newsletters import services
from newsdesk.newsletters.models import Newsletter, Subscriber, Subscription

pytestmark = pytest.mark.django_db
Status = Subscription.Status
FIXTURES = Path(__file__).parent / "fixtures"

GHOST_MEMBERS = (FIXTURES / "ghost-members.csv").read_text()
MAILCHIMP_SUBSCRIBED = (FIXTURES / "subscribed_members_export.csv").read_text()
MAILCHIMP_UNSUBSCRIBED = (FIXTURES / "unsubscribed_members_export.csv").read_text()
MAILCHIMP_CLEANED = (FIXTURES / "cleaned_members_export.csv").read_text()
SUBSTACK = (FIXTURES / "substack-email-list.csv").read_text()


@pytest.fixture
def brief(db):
    return Newsletter.objects.create(name="The Morning Brief", slug="morning-brief")


def import_csv(tmp_path, text, name="list.csv", newsletter="morning-brief"):
    path = tmp_path / name
    path.write_text(text)
    out = StringIO()
    call_command("import_subscribers", str(path), "--newsletter", newsletter, stdout=out)
    return out.getvalue()


def last_run():
    return ImportRun.objects.order_by("-pk").first()


def subscription(email):
    return Subscription.objects.get(subscriber__email=email)


def test_ghost_members_arrive_confirmed_since_they_signed_up_without_mail(
    tmp_path, brief, mailoutbox
):
    import_csv(tmp_path, GHOST_MEMBERS)
    ana = subscription("ana.ruiz@example.org")
    assert ana.status == Status.CONFIRMED and ana.newsletter == brief
    assert ana.confirmed_at == datetime(2021, 4, 5, 10, 0, tzinfo=UTC)
    assert ana.subscriber.created_at == ana.confirmed_at and ana.subscriber.confirm_nonce == ""
    assert subscription("ben@example.org").status == Status.UNSUBSCRIBED
    assert mailoutbox == []
    assert last_run().report["counts"]["subscriber"] == {"created": 2}


def test_mailchimp_subscribed_unsubscribed_and_cleaned_files(tmp_path, brief, mailoutbox):
    import_csv(tmp_path, MAILCHIMP_SUBSCRIBED, "subscribed_members_export.csv")
    import_csv(tmp_path, MAILCHIMP_UNSUBSCRIBED, "unsubscribed_members_export.csv")
    import_csv(tmp_path, MAILCHIMP_CLEANED, "cleaned_members_export.csv")
    cara = subscription("cara@example.org")
    assert cara.status == Status.CONFIRMED
    assert cara.confirmed_at == datetime(2019, 1, 2, 3, 10, tzinfo=UTC)  # CONFIRM_TIME
    assert subscription("dan@example.org").status == Status.UNSUBSCRIBED
    eve = Subscriber.objects.get(email="eve@example.org")
    assert eve.suppressed and eve.suppressed_reason == Subscriber.Suppression.BOUNCE
    assert not eve.subscriptions.exists()
    assert mailoutbox == []


def test_substack_readers_who_turned_mail_off_stay_off(tmp_path, brief):
    import_csv(tmp_path, SUBSTACK)
    assert subscription("fay@example.org").status == Status.CONFIRMED
    assert subscription("gus@example.org").status == Status.UNSUBSCRIBED


def test_suppressed_and_unsubscribed_readers_here_are_not_subscribed_again(tmp_path, brief):
    services.sign_up(email="ana.ruiz@example.org", newsletters=[brief])
    services.suppress(email="ana.ruiz@example.org", reason=Subscriber.Suppression.COMPLAINT)
    ben = Subscriber.objects.create(email="ben@example.org")
    Subscription.objects.create(subscriber=ben, newsletter=brief, status=Status.UNSUBSCRIBED)
    import_csv(tmp_path, GHOST_MEMBERS.replace(",false,", ",true,"))
    ana = Subscriber.objects.get(email="ana.ruiz@example.org")
    assert ana.suppressed and ana.suppressed_reason == Subscriber.Suppression.COMPLAINT
    assert subscription("ana.ruiz@example.org").status == Status.PENDING  # never confirmed
    assert subscription("ben@example.org").status == Status.UNSUBSCRIBED
    item = ImportItem.objects.get(title="Ana.Ruiz@Example.org")
    assert (item.outcome, item.reason) == ("skipped", "suppressed on this site: kept suppressed")


def test_a_second_run_changes_nothing(tmp_path, brief):
    import_csv(tmp_path, GHOST_MEMBERS)
    import_csv(tmp_path, GHOST_MEMBERS)
    assert last_run().report["counts"]["subscriber"] == {"unchanged": 2}


def test_bad_addresses_are_reported_and_bad_files_refused(tmp_path, brief):
    import_csv(tmp_path, "email,created_at\nnot-an-address,2020-01-01\nzoe@example.org,\n")
    failed = ImportItem.objects.get(outcome="failed")
    assert failed.reason == "line 2: Please enter a valid email address"
    assert subscription("zoe@example.org").status == Status.CONFIRMED
    with pytest.raises(CommandError, match=r"list.csv, line 1: no email column"):
        import_csv(tmp_path, "name,created\nAna,2020-01-01\n")
    with pytest.raises(CommandError, match="No newsletter 'weekly' \\(there are: morning-brief\\)"):
        import_csv(tmp_path, SUBSTACK, newsletter="weekly")
