"""Anymail's tracking and inbound webhooks, for the one provider the newsroom sends through.

Anymail's `anymail.urls` mounts every provider it knows, and answers 500 both to a post for a
provider whose signing key is not configured and to a payload it cannot parse (a provider
retries a 5xx for days). Here only NEWSLETTER_WEBHOOK_PROVIDER's views answer (others are
404, decided per request so the setting can change in tests), a malformed payload is a 400,
and a missing key (or package) or a database outage is a 503 the provider retries.
"""

import logging
from functools import wraps

from anymail import urls as anymail_urls
from anymail.exceptions import AnymailAPIError, AnymailWebhookValidationFailure
from django.conf import settings
from django.core.exceptions import BadRequest, ImproperlyConfigured
from django.db import DatabaseError
from django.http import Http404, JsonResponse
from django.urls import re_path

log = logging.getLogger(__name__)

# What a parser raises on a payload that is not what the provider sends (JSONDecodeError is a
# ValueError; binascii and email parsing errors are too).
MALFORMED = (ValueError, TypeError, KeyError, IndexError, AttributeError)


def provider_of(pattern):
    return str(pattern.pattern).lstrip("^").split("/", 1)[0].split("(", 1)[0]


PROVIDERS = sorted({provider_of(pattern) for pattern in anymail_urls.urlpatterns})


class MalformedPayloadIsBadRequest:
    """Mixed in front of an Anymail view: its validators and parser see the provider's post."""

    def run_validators(self, request):
        try:
            super().run_validators(request)
        except AnymailWebhookValidationFailure:
            raise
        # Amazon SES's validator says so of a body that is not an SNS message of a known type.
        except (*MALFORMED, AnymailAPIError) as error:
            raise BadRequest(f"Malformed {self.esp_name} webhook") from error

    def parse_events(self, request):
        try:
            return super().parse_events(request)
        except MALFORMED as error:
            raise BadRequest(f"Malformed {self.esp_name} webhook") from error
        except ImproperlyConfigured as error:
            # Anymail's word for a post of the other kind (tracking events at the inbound URL):
            # a setting at the provider to correct, or a forged post; nothing to retry.
            log.warning("%s webhook: %s", self.esp_name, error)
            raise BadRequest(f"Not a {self.esp_name} webhook of this kind") from error


def view_classes(provider):
    return list(
        dict.fromkeys(
            pattern.callback.view_class
            for pattern in anymail_urls.urlpatterns
            if provider_of(pattern) == provider
        )
    )


def only_the_configured_provider(view, provider):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if provider != settings.NEWSLETTER_WEBHOOK_PROVIDER:
            raise Http404
        try:
            return view(request, *args, **kwargs)
        except (ImproperlyConfigured, DatabaseError):
            log.exception("%s webhook: cannot take events now", provider)
            return JsonResponse({"error": "unavailable"}, status=503)

    return wrapper


def guarded_view(pattern):
    callback = pattern.callback
    guarded = type(
        callback.view_class.__name__, (MalformedPayloadIsBadRequest, callback.view_class), {}
    )
    return only_the_configured_provider(
        guarded.as_view(**callback.view_initkwargs), provider_of(pattern)
    )


urlpatterns = [
    re_path(pattern.pattern.regex.pattern, guarded_view(pattern), name=pattern.name)
    for pattern in anymail_urls.urlpatterns
]
