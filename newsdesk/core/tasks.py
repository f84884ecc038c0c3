from django.tasks import task
from wagtail.images import get_image_model

from newsdesk.core.images import LAYOUTS


@task()
def generate_renditions(image_id, layouts):
    """Make the renditions pages will ask for, so no reader waits for an image to be resized."""
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return
    for layout in layouts:
        image.get_renditions(*LAYOUTS[layout].all_specs())
