import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")

django_application = get_asgi_application()

from newsdesk.core.pagecache import CachedPagesApp  # noqa: E402  (after Django is set up)

# Pages in the page cache are answered before Django's request handling starts.
application = CachedPagesApp(django_application)
