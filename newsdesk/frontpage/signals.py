from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from newsdesk.frontpage import services
from newsdesk.frontpage.models import HomePage


@receiver(page_published, sender=HomePage)
@receiver(page_unpublished, sender=HomePage)
def front_page_changed(sender, instance, **kwargs):
    services.front_page_changed(front_page=instance)


@receiver(page_published, sender=HomePage)
def edition_front_page_published(sender, instance, **kwargs):
    services.edition_front_page_published(front_page=instance)


@receiver(page_unpublished, sender=HomePage)
def edition_front_page_unpublished(sender, instance, **kwargs):
    services.editions_changed()
