from django.tasks import task
from wagtail.images import get_image_model

from newsdesk.discovery.structured_data import ARTICLE_IMAGE_SPECS


@task()
def make_share_renditions(image_id):
    """The lead photo in the shapes structured data and feeds name, before a crawler asks."""
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is not None:
        image.get_renditions(*ARTICLE_IMAGE_SPECS.values())
