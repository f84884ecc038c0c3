"""Whether any page has a view restriction, cached: page types readers open often skip the
restriction lookup (two queries on every page) while none exist.

During a request the answer comes with the versions the request reads anyway (one cache round
trip for both, newsdesk.serving.versions), however often the page asks: a Redis read in a busy
threaded process costs more than its round trip, since the thread waits for the GIL after it."""

from django.db import transaction
from wagtail.models import PageViewRestriction

from newsdesk.serving.lifetimes import lifetimes
from newsdesk.serving.versions import RESTRICTIONS_KEY, cache, current_versions


def view_restrictions_exist():
    """Whether any page has a view restriction (login, password, group); cached, because
    checking a page's ancestors for them costs two queries on every page a reader opens."""
    versions = current_versions()
    found = versions.restricted() if versions is not None else cache().get(RESTRICTIONS_KEY)
    if found is None:
        found = PageViewRestriction.objects.exists()
        cache().set(RESTRICTIONS_KEY, found, lifetimes.versioned)
        if versions is not None:
            versions.remember_restricted(found)
    return found


def forget_view_restrictions():
    versions = current_versions()
    if versions is not None:  # asked again in this request, it reads the database
        versions.remember_restricted(None)
    cache().delete(RESTRICTIONS_KEY)
    # Again once committed: a request in between may have cached the answer from before.
    transaction.on_commit(lambda: cache().delete(RESTRICTIONS_KEY))


class PublicPagesQuerySetMixin:
    """For page querysets: Wagtail's public() reads every view restriction (a query) each time
    it is called, several times on a reader's page; while none exist it filters nothing."""

    def public(self):
        if not view_restrictions_exist():
            return self.all()
        return super().public()


class ViewRestrictionsMixin:
    """For page types readers open often: skip the restriction lookup while none exist."""

    def get_view_restrictions(self):
        if not view_restrictions_exist():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
