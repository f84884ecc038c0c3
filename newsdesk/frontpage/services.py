from newsdesk.core.editions import home_path
from newsdesk.serving.purge import purge_paths
from newsdesk.serving.sites import edition_root_published
from newsdesk.serving.versions import bump


def front_page_changed(*, front_page):
    """The editors changed the curation: the front page and every list of picks are stale."""
    purge_paths([front_page.url or home_path(front_page.locale.language_code)])
    bump("articles", language=front_page.locale.language_code)


def edition_front_page_changed(*, front_page, first_time):
    """An edition's front page came or went: the site's editions changed."""
    edition_root_published(front_page, first_time=first_time)
