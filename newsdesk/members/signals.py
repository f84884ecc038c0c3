from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from newsdesk.core import personal_data
from newsdesk.members.models import Reader, SupportSettings, Tier
from newsdesk.serving.versions import bump


@receiver(post_save, sender=SupportSettings, dispatch_uid="members.prompts_changed")
def on_prompts_changed(sender, created, **kwargs):
    # The blank row Wagtail creates on first use changes nothing a page shows.
    if not created:
        bump("chrome")  # prompts sit in the masthead, articles and the front page


@receiver(post_save, sender=Tier, dispatch_uid="members.tier_saved")
@receiver(post_delete, sender=Tier, dispatch_uid="members.tier_deleted")
def on_tier_changed(sender, **kwargs):
    bump("chrome")  # /support/ lists the tiers


@receiver(post_delete, sender=Reader, dispatch_uid="members.reader_deleted")
def on_reader_deleted(sender, instance, **kwargs):
    personal_data.forget_in_history(Reader, instance.pk)  # its label is the address
