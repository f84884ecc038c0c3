"""Whether any page has a view restriction, cached: page types readers open often skip the
restriction lookup (two queries on every page) while none exist."""

from django.core.cache import cache
from django.db import transaction
from wagtail.models import PageViewRestriction

from newsdesk.serving.lifetimes import lifetimes

RESTRICTIONS_KEY = "view-restrictions:any"


def view_restrictions_exist():
    """Whether any page has a view restriction (login, password, group); cached, because
    checking a page's ancestors for them costs two queries on every page a reader opens."""
    found = cache.get(RESTRICTIONS_KEY)
    if found is None:
        found = PageViewRestriction.objects.exists()
        cache.set(RESTRICTIONS_KEY, found, lifetimes.versioned)
    return found


def forget_view_restrictions():
    cache.delete(RESTRICTIONS_KEY)
    # Again once committed: a request in between may have cached the answer from before.
    transaction.on_commit(lambda: cache.delete(RESTRICTIONS_KEY))


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
