from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def stripe_keys(app_configs, **kwargs):
    """In production, donations and memberships need Stripe's secret key, and the webhook its
    signing secret (without it every event is refused, and no membership ever starts)."""
    if not settings.PRODUCTION:
        return []
    return [
        Error(
            f"{name} is not set: donations and memberships cannot work.",
            hint=f"Set {name} (or {name}_FILE) from the Stripe dashboard; see README.",
            id=f"members.E00{number}",
        )
        for number, (name, value) in enumerate(
            [
                ("STRIPE_SECRET_KEY", settings.STRIPE_SECRET_KEY),
                ("STRIPE_WEBHOOK_SECRET", settings.STRIPE_WEBHOOK_SECRET),
            ],
            start=1,
        )
        if not value
    ]
