"""Anymail's webhooks (bounces, complaints, mailto: unsubscribes); newsletter changes."""

from anymail.signals import inbound, tracking
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from newsdesk.newsletters import services
from newsdesk.newsletters.models import Newsletter, Subscriber
from newsdesk.serving.versions import bump


@receiver(tracking, dispatch_uid="newsletters.tracking")
def on_tracking_event(sender, event, esp_name, **kwargs):
    services.record_tracking_event(event=event, esp_name=esp_name)


@receiver(inbound, dispatch_uid="newsletters.inbound")
def on_inbound_mail(sender, event, esp_name, **kwargs):
    services.record_inbound_unsubscribe(message=event.message)


@receiver(post_save, sender=Newsletter, dispatch_uid="newsletters.changed")
@receiver(post_delete, sender=Newsletter, dispatch_uid="newsletters.deleted")
def on_newsletter_changed(sender, **kwargs):
    # Sign-up boxes on every page (sidebar, footer) list the active newsletters.
    bump("chrome")


@receiver(post_delete, sender=Subscriber, dispatch_uid="newsletters.subscriber_deleted")
def on_subscriber_deleted(sender, instance, **kwargs):
    services.forget_address_in_history(subscriber_id=instance.pk)
