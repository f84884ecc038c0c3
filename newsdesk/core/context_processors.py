from django.conf import settings

from newsdesk.core.pagecache import fragment_versions


def site_context(request):
    return {
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        # Versions that cached fragments are keyed on (read lazily, in one cache round trip).
        "v": fragment_versions(request),
    }
