"""How the import writes pages: published without Wagtail's publish signals, committed without
waiting for the disk, with slugs and standfirsts made from the source's text."""

import re
from contextlib import contextmanager
from urllib.parse import unquote

from django.core.exceptions import ValidationError
from django.db import connection
from django.utils.text import Truncator, slugify
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.coreutils import string_to_ascii

PAGE_SUFFIXES = re.compile(r"\.(html?|php|aspx?)$", re.I)
STANDFIRST_LENGTH = 300


class QuietPublish(PublishPageRevisionAction):
    """Publishes a revision as Wagtail does, without sending `page_published`: the receivers of
    that signal (narration, purges, share pictures) are for one story at a time; an import of
    thousands does their work once at the end instead."""

    def _after_publish(self):
        pass


def publish_quietly(revision, *, log_action=True):
    QuietPublish(revision, log_action=log_action).execute(skip_permission_checks=True)


def one_line(error):
    if isinstance(error, ValidationError):
        parts = (
            [
                f"{name}: {' '.join(messages)}" if name != "__all__" else " ".join(messages)
                for name, messages in error.message_dict.items()
            ]
            if hasattr(error, "error_dict")
            else error.messages
        )
        return "; ".join(parts)
    return " ".join(str(error).split()) or type(error).__name__


def page_slug(value, fallback):
    value = PAGE_SUFFIXES.sub("", unquote(value or "").strip().strip("/").rsplit("/", 1)[-1])
    slug = slugify(value.replace(".", "-"), allow_unicode=True)[:200].strip("-")
    return slug or slugify(fallback, allow_unicode=True)[:200].strip("-")


def ascii_slug(value):
    return slugify(string_to_ascii(value or ""))[:100].strip("-")


def standfirst_from(text):
    """At most STANDFIRST_LENGTH characters: whole sentences when they fit, else cut at a word."""
    text = " ".join(text.split())
    if len(text) <= STANDFIRST_LENGTH:
        return text
    sentences = re.split(r"(?<=[.!?…])\s+", text)
    kept = ""
    for sentence in sentences:
        if len(kept) + len(sentence) + 1 > STANDFIRST_LENGTH:
            break
        kept = f"{kept} {sentence}".strip()
    return kept or Truncator(text).chars(STANDFIRST_LENGTH)


@contextmanager
def unhurried_commits():
    """On PostgreSQL, commits that do not wait for the disk (`synchronous_commit` off) for this
    connection while the import runs: a crash may lose the last moment of work, which the next
    run redoes (it resumes from what was committed), and each post's commit no longer waits
    for a flush. Other connections and transactions are not affected."""
    postgresql = connection.vendor == "postgresql"
    if postgresql:
        with connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit TO OFF")
    try:
        yield
    finally:
        if postgresql:
            with connection.cursor() as cursor:
                cursor.execute("SET synchronous_commit TO DEFAULT")
