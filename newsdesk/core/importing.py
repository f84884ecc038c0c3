"""A registration point for kinds of import that belong to other apps than `imports`.

The Import page, its task and the import commands live in the imports app (runs, progress,
reports); what a subscriber list means belongs to newsletters. Feature apps may not import each
other, so they meet here: an app registers its kind when it is ready, and the imports app looks
it up by the run's source.

A kind's `run` reports through a journal the imports app hands it: `start(total)`,
`add(kind=, source_id=, title=, outcome=, reason=)` for each row, `progress(done)` now and then,
`close()` at the end. In a dry run the journal keeps nothing, so a kind calls it either way.
"""

from collections.abc import Callable
from dataclasses import dataclass


class ExportError(Exception):
    """The file cannot be imported; the message says where and why, in one line."""


def where(name, line, column=None):
    return f"{name}, line {line}" + (f", column {column}" if column else "")


@dataclass(frozen=True)
class ImportKind:
    source: str  # the run's source
    label: str  # in the Import page's choice of what to import
    extensions: tuple  # of the files it reads
    help: str  # of its management command
    # {name: form field} the Import page adds to its form
    form_fields: Callable[[], dict]
    # the run's options from the form's cleaned data, or ValidationError({field: message})
    form_options: Callable[[dict], dict]
    # the command's own arguments, and the run's options from them (CommandError if wrong)
    add_arguments: Callable
    command_options: Callable[[dict], dict]
    # (*, path, name, options, dry_run, journal) -> the report; ExportError for a broken file
    run: Callable[..., dict]


_kinds = {}


def register(kind):
    _kinds[kind.source] = kind


def registered():
    return list(_kinds.values())


def kind_for(source):
    return _kinds.get(source)
