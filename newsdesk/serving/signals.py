from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction

from newsdesk.core.models import NewsroomSettings
from newsdesk.serving.restrictions import forget_view_restrictions
from newsdesk.serving.versions import bump


@receiver(post_save, sender=NewsroomSettings)
def newsroom_settings_changed(sender, created, **kwargs):
    # The blank row Wagtail creates on first use changes nothing a page shows.
    if not created:
        bump("chrome")  # the masthead and footer, on every page


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def view_restrictions_changed(sender, **kwargs):
    forget_view_restrictions()
