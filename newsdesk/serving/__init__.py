"""How anonymous reader pages are cached, compressed, validated, purged and served.

A reader's request passes, in order: nginx's proxy cache (deploy/nginx), the ASGI front
(front.py: hot copies in the process's memory, hot.py, then the page cache, store.py), Django's
page cache middleware (middleware.py) for what the front did not answer, and the template's
cached fragments (fragments.py). Everything cached names the versions of what it shows
(versions.py); a publication renews them and purges nginx (purge.py). Every lifetime is in
lifetimes.py; views opt out with exempt.page_cache_exempt.
"""
