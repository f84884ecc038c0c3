"""Anymail's webhooks: bounces and complaints from any provider, and mailto: unsubscribes."""

from anymail.signals import inbound, tracking
from django.dispatch import receiver

from newsdesk.newsletters import services


@receiver(tracking, dispatch_uid="newsletters.tracking")
def on_tracking_event(sender, event, esp_name, **kwargs):
    services.record_tracking_event(event=event, esp_name=esp_name)


@receiver(inbound, dispatch_uid="newsletters.inbound")
def on_inbound_mail(sender, event, esp_name, **kwargs):
    services.record_inbound_unsubscribe(message=event.message)
