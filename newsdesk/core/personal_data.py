"""What each app holds about an email address, for the reader's account page and for deleting
or moving everything (GDPR). Apps register a holder in their AppConfig.ready(); the reader
account app asks them all without importing any of them."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Holder:
    """`describe(email)`: lines a reader may read about what is held ("The Morning Brief:
    confirmed"); `delete(email)`: forget the address; `move(old, new)`: the reader changed
    their address; `membership(email, current)`: the reader became, or stopped being, a member
    (what is for members only follows)."""

    name: str
    describe: Callable[[str], list]
    delete: Callable[[str], None]
    move: Callable[[str, str], None]
    membership: Callable[[str, bool], None] | None = None


_holders = {}


def register(holder):
    """Add `holder`, or replace the one of the same name (ready() may run twice in tests)."""
    _holders[holder.name] = holder


def holders():
    return list(_holders.values())


def describe(email):
    return {holder.name: holder.describe(email) for holder in holders()}


def forget_in_history(model, object_id):
    """The admin's history names an object by its str() (Wagtail logs it): for a reader or a
    subscriber, their address. Once the object is deleted the history keeps who did what, and
    when, to "Subscriber 12 (deleted)", without the address or the logged changes."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ModelLogEntry

    label = f"{model._meta.verbose_name.capitalize()} {object_id} (deleted)"
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id=str(object_id)
    ).update(label=label, data={})


def delete(email):
    for holder in holders():
        holder.delete(email)


def move(old, new):
    for holder in holders():
        holder.move(old, new)


def membership_changed(email, current):
    for holder in holders():
        if holder.membership is not None:
            holder.membership(email, current)
