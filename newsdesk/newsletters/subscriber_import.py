"""Subscriber lists exported from Ghost (members CSV), Mailchimp (audience export: subscribed,
unsubscribed and cleaned files) and Substack (email list): who, since when, and whether they
left or bounced. Column names are matched loosely (case, spaces, underscores).

Registered with the Import page and `manage.py import_subscribers` (the imports app, which keeps
the run and its report) through `newsdesk.core.importing`: the two apps do not import each other.
"""

import csv
from datetime import UTC, datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

from newsdesk.core.importing import ExportError, ImportKind, register, where
from newsdesk.newsletters.models import Newsletter
from newsdesk.newsletters.services import add_imported_subscriber

EMAIL_COLUMNS = ("email", "email_address", "e_mail", "emailaddress")
DATE_COLUMNS = (
    "confirm_time",  # Mailchimp: when they confirmed (double opt-in)
    "optin_time",  # Mailchimp: when they signed up
    "created_at",  # Ghost members, Substack
    "subscribed_at",
    "created",
    "date_added",
)
FALSE_WORDS = {"false", "0", "no", "n", "off"}
TRUE_WORDS = {"true", "1", "yes", "y", "on"}
DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%m/%d/%Y %H:%M", "%m/%d/%Y")
BATCH = 500


def column(name):
    return "_".join(name.strip().lower().replace("-", " ").split())


def parse_date(value):
    value = (value or "").strip()
    if not value:
        return None
    try:
        date = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        for fmt in DATE_FORMATS:
            try:
                date = datetime.strptime(value, fmt)
                break
            except ValueError:
                continue
        else:
            return None
    return date if date.tzinfo else date.replace(tzinfo=UTC)


def state_of(row):
    """'confirmed', 'unsubscribed' or 'bounced', from whichever columns the platform writes."""
    status = row.get("status", "").strip().lower()
    if row.get("clean_time", "").strip() or status in ("cleaned", "bounced"):
        return "bounced"
    if (
        row.get("unsub_time", "").strip()
        or status in ("unsubscribed", "archived")
        or row.get("subscribed_to_emails", "").strip().lower() in FALSE_WORDS
        or row.get("subscribed", "").strip().lower() in FALSE_WORDS
        or row.get("email_disabled", "").strip().lower() in TRUE_WORDS
    ):
        return "unsubscribed"
    return "confirmed"


def rows(path, name):
    """(line number, row with normalised column names) for each subscriber of the file."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as stream:
            reader = csv.reader(stream)
            header = [column(name) for name in next(reader, [])]
            email_column = next((c for c in EMAIL_COLUMNS if c in header), None)
            if email_column is None:
                raise ExportError(
                    f"{where(name, 1)}: no email column (the first line names the columns; "
                    f"looked for {', '.join(EMAIL_COLUMNS)})."
                )
            for values in reader:
                if not any(value.strip() for value in values):
                    continue
                row = dict(zip(header, values, strict=False))
                row["email"] = row.get(email_column, "")
                yield reader.line_num, row
    except csv.Error as error:
        raise ExportError(f"{where(name, reader.line_num)}: {error}") from None
    except UnicodeDecodeError:
        raise ExportError(f"{name}: not UTF-8 text; save the CSV as UTF-8.") from None
    except OSError as error:
        raise ExportError(f"{name}: cannot be read ({error.strerror or error}).") from None


def count_rows(path, name):
    return sum(1 for _ in rows(path, name))


def subscribe(row, line, newsletter, dry_run):
    """(outcome, reason) of one row."""
    consented = next((parse_date(row[c]) for c in DATE_COLUMNS if row.get(c)), None)
    state = state_of(row)
    reason = "" if state == "confirmed" else state
    if dry_run:
        outcome = state  # how many would be subscribed, unsubscribed or suppressed
    else:
        try:
            outcome = add_imported_subscriber(
                email=row["email"], newsletter=newsletter, consented_at=consented, state=state
            )
        except ValidationError as error:
            outcome, reason = "failed", f"line {line}: {' '.join(error.messages)}"
    if outcome == "suppressed":
        outcome, reason = "skipped", "suppressed on this site: kept suppressed"
    return outcome, reason


def import_subscribers(*, path, name, options, journal, dry_run=False):
    """Import every row; returns counts by outcome. The whole file is read first, so a broken
    file imports nobody."""
    newsletter = None if dry_run else Newsletter.objects.get(slug=options["newsletter"])
    total = count_rows(path, name)
    journal.start(total)
    counts = {}
    for done, (line, row) in enumerate(rows(path, name), start=1):
        outcome, reason = subscribe(row, line, newsletter, dry_run)
        counts[outcome] = counts.get(outcome, 0) + 1
        journal.add(
            kind="subscriber",
            source_id=f"line {line}",
            title=row["email"][:255],
            outcome=outcome,
            reason=reason,
        )
        if done % BATCH == 0:
            journal.progress(done)
    journal.close()
    return {"counts": {"subscriber": counts}, "total": total}


# What the Import page and the command ask for besides the file: the newsletter.


def form_fields():
    return {
        "newsletter": forms.ModelChoiceField(
            label="Newsletter (subscribers)",
            queryset=Newsletter.objects.all(),
            to_field_name="slug",
            required=False,
        )
    }


def form_options(data):
    if not data.get("newsletter"):
        raise ValidationError({"newsletter": "Choose the newsletter they subscribe to."})
    return {"newsletter": data["newsletter"].slug}


def add_arguments(parser):
    parser.add_argument("--newsletter", required=True, help="The slug of the newsletter.")


def command_options(options):
    slug = options["newsletter"]
    if not Newsletter.objects.filter(slug=slug).exists():
        slugs = ", ".join(Newsletter.objects.values_list("slug", flat=True)) or "none yet"
        raise CommandError(f"No newsletter {slug!r} (there are: {slugs}).")
    return {"newsletter": slug}


register(
    ImportKind(
        source="subscribers",
        label="Subscribers (CSV)",
        extensions=(".csv", ".txt"),
        help="Import subscribers from a CSV (Ghost members, Mailchimp or Substack export) as "
        "confirmed, with their original consent date and no confirmation mail.",
        form_fields=form_fields,
        form_options=form_options,
        add_arguments=add_arguments,
        command_options=command_options,
        run=import_subscribers,
    )
)
