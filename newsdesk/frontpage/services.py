from newsdesk.core.editions import home_path
from newsdesk.serving.purge import purge_paths
from newsdesk.serving.sites import sites_changed
from newsdesk.serving.versions import bump


def front_page_changed(*, front_page):
    """The editors changed the curation: the front page and every list of picks are stale."""
    purge_paths([front_page.url or home_path(front_page.locale.language_code)])
    bump("articles", language=front_page.locale.language_code)


def edition_front_page_published(*, front_page):
    """Published for the first time: an edition's front page came (a translation made live)."""
    if front_page.first_published_at == front_page.last_published_at:
        editions_changed()


def editions_changed():
    """An edition's front page came or went: every process looks the site, and so the editions'
    front pages it routes from, up again (newsdesk.serving.sites)."""
    sites_changed()
