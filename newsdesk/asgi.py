import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")

django_application = get_asgi_application()

from django.conf import settings  # noqa: E402  (after Django is set up)

from newsdesk.serving.front import CachedPagesApp  # noqa: E402
from newsdesk.serving.threads import ThreadedPages  # noqa: E402

# Pages in the page cache are answered before Django's request handling starts; other reader
# pages are rendered by Django's WSGI handler in a few threads; the rest (live feed streams,
# the admin, forms) goes to Django's ASGI handler.
threads = settings.WEB_THREADS
application = CachedPagesApp(django_application, pages=ThreadedPages(threads) if threads else None)
