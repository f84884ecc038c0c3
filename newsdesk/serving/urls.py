"""Page URLs, remembered by each process.

Wagtail computes a page's URL on every call: the site root paths, then reverse() of its serve
view under the page's language. A card prints its article's URL and its section's, an article
page sixty of them. The URL follows from what this remembers it under, and from nothing else:
the page's url_path, the site root paths and the active language. A page moved or renamed has
another url_path; a changed site another root path: either is a new key, never a stale answer.

The site root paths themselves (Wagtail's `Site.get_site_root_paths()`, a cache read each time
a page is asked for its URL) are remembered per process under the version of the sites the
request read with its others ("sites", newsdesk.serving.sites): a site saved or deleted, an
edition's front page published or unpublished, and a root page's slug changed renew it.
"""

from django.utils import translation
from wagtail.models import Site

from newsdesk.serving.versions import current_versions

LIMIT = 20_000  # entries; forgotten all at once beyond it
_urls = {}
_root_paths = [None, None]  # [version of the sites, root paths]


def site_root_paths(version):
    """Site.get_site_root_paths(), remembered while the sites' version is `version`."""
    if _root_paths[0] != version:
        # Read after the version: a change committed meanwhile renews the version again.
        _root_paths[:] = [version, Site.get_site_root_paths()]
    return _root_paths[1]


class RememberedUrlMixin:
    """For page types readers see often (articles, sections, front pages)."""

    def _get_site_root_paths(self, cache_object=None, **kwargs):
        versions = current_versions()
        if versions is None or kwargs:
            return super()._get_site_root_paths(cache_object, **kwargs)
        return site_root_paths(versions.sites)

    def get_url_parts(self, request=None):
        roots = tuple(self._get_site_root_paths(request))
        # A page under several sites gets the request's site from Wagtail: not remembered.
        sites = {root.site_id for root in roots if self.url_path.startswith(root.root_path)}
        if len(sites) > 1:
            return super().get_url_parts(request)
        key = (self.url_path, translation.get_language(), roots)
        found = _urls.get(key)
        if found is None:
            found = super().get_url_parts(request)
            if len(_urls) >= LIMIT:
                _urls.clear()
            _urls[key] = found
        return found
