from newsdesk.serving.purge import purge_paths
from newsdesk.serving.versions import bump


def front_page_changed(*, front_page):
    """The editors changed the curation: the front page and every list of picks are stale."""
    purge_paths([front_page.url or "/"])
    bump("articles")
