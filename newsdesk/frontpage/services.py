from newsdesk.core.pagecache import bump, purge_paths


def front_page_changed(*, front_page):
    """The editors changed the curation: the front page and every list of picks are stale."""
    purge_paths([front_page.url or "/"])
    bump("articles")
