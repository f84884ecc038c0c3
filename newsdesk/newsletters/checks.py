import warnings

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.core.exceptions import ImproperlyConfigured


@register()
def webhook_provider(app_configs, **kwargs):
    """The provider's webhooks must be able to take events: a name Anymail knows, its keys
    (without them a webhook answers 503, and the provider retries until they are set)."""
    from newsdesk.newsletters import webhooks

    provider = settings.NEWSLETTER_WEBHOOK_PROVIDER
    if not provider:
        return []
    if provider not in webhooks.PROVIDERS:
        return [
            Error(
                f"NEWSLETTER_WEBHOOK_PROVIDER is {provider!r}, which has no Anymail webhooks.",
                hint=f"Use one of {', '.join(webhooks.PROVIDERS)}, or leave it empty.",
                id="newsletters.E001",
            )
        ]
    problems = []
    for view_class in webhooks.view_classes(provider):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # no secret: the deploy check below says so
                view_class()
        except ImproperlyConfigured as error:
            problems.append(
                Warning(
                    f"{view_class.__name__} cannot take events (it answers 503): {error}",
                    hint="Set the ANYMAIL_* variable named above (see Anymail's docs).",
                    id="newsletters.W002",
                )
            )
    return problems


@register(Tags.security, deploy=True)
def webhook_secret(app_configs, **kwargs):
    """Without a secret, anyone could post bounces and suppress any reader's address."""
    from newsdesk.newsletters import webhooks

    provider = settings.NEWSLETTER_WEBHOOK_PROVIDER
    if settings.ANYMAIL.get("WEBHOOK_SECRET") or provider not in webhooks.PROVIDERS:
        return []
    if not any(view.warn_if_no_basic_auth for view in webhooks.view_classes(provider)):
        return []  # a provider that signs its posts
    return [
        Warning(
            f"The {provider} webhooks under /newsletters/webhooks/ accept events from anyone.",
            hint="Set ANYMAIL_WEBHOOK_SECRET=user:password and give the provider that login.",
            id="newsletters.W001",
        )
    ]
