from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from newsdesk.frontpage import services
from newsdesk.frontpage.models import HomePage


@receiver(page_published, sender=HomePage)
@receiver(page_unpublished, sender=HomePage)
def front_page_changed(sender, instance, **kwargs):
    services.front_page_changed(front_page=instance)
