"""Every middleware of the project runs natively under ASGI.

Django puts a sync-only middleware behind a thread of its own for each async request, for the
request's whole life: a live feed stream would then hold that thread, and any database connection
opened in it, for up to LIVEFEED_STREAM_SECONDS."""

from django.conf import settings
from django.utils.module_loading import import_string


def test_every_middleware_is_async_capable():
    sync_only = [
        path
        for path in settings.MIDDLEWARE
        if not getattr(import_string(path), "async_capable", False)
    ]
    assert sync_only == []
