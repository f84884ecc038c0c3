from django.db import transaction

from newsdesk.discovery.cache import bump_published_version
from newsdesk.discovery.tasks import make_share_renditions


def article_published(*, article):
    """Forget what was cached about the published set; prepare the photo's share renditions."""
    transaction.on_commit(bump_published_version)
    if article.lead_image_id:
        image_id = article.lead_image_id
        transaction.on_commit(lambda: make_share_renditions.enqueue(image_id))


def article_withdrawn(*, article):
    """Unpublished or deleted: nothing cached may still offer it."""
    transaction.on_commit(bump_published_version)
