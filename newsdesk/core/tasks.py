from django.tasks import task
from wagtail.images import get_image_model
from wagtail.search import index

from newsdesk.core.images import LAYOUTS


@task()
def generate_renditions(image_id, layouts):
    """Make the renditions pages will ask for, so no reader waits for an image to be resized."""
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return
    for layout in layouts:
        image.get_renditions(*LAYOUTS[layout].all_specs())


@task()
def index_pictures(image_ids):
    """Search-index updates of many pictures in one task: an import stores thousands, and a
    task for each (what a save queues) costs a row apiece."""
    for obj in get_image_model().objects.filter(pk__in=image_ids):
        index.insert_or_update_object(obj)
