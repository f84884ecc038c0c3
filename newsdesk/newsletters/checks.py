from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def webhook_secret(app_configs, **kwargs):
    """Without a secret, anyone could post bounces and suppress any reader's address."""
    if getattr(settings, "ANYMAIL", {}).get("WEBHOOK_SECRET"):
        return []
    return [
        Warning(
            "The bounce and complaint webhooks under /newsletters/webhooks/ accept events from "
            "anyone.",
            hint="Set ANYMAIL_WEBHOOK_SECRET=user:password and give the provider that login.",
            id="newsletters.W001",
        )
    ]
