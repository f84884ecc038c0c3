"""Mail to readers: subject/text/HTML template triples under members/email/, through Django's
mailers as newsletters' mail goes, in the reader's language (the edition they signed in or paid
on; the active one when not given), links included."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Site

from newsdesk.core.editions import active_language, language_codes


def edition_name(language):
    """The newsroom's name in `language`'s edition: its front page's title, as the site's pages
    show it (newsdesk.core.context_processors.site_name), also for mail sent outside a request."""
    if language == settings.LANGUAGE_CODE:
        return settings.WAGTAIL_SITE_NAME
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    locale = Locale.objects.filter(language_code=language).first()
    root = site.root_page.get_translation_or_none(locale) if site and locale else None
    return root.title if root is not None and root.live else settings.WAGTAIL_SITE_NAME


def send(name, *, to, context, language=""):
    if language not in language_codes():
        language = active_language()
    with translation.override(language):
        context = {
            "site_name": edition_name(language),
            "site_url": settings.SITE_URL,
            "language": language,
            "account_url": settings.SITE_URL + reverse("members:account"),
            "support_url": settings.SITE_URL + reverse("members:support"),
            **context,
        }
        subject = " ".join(render_to_string(f"members/email/{name}_subject.txt", context).split())
        message = EmailMultiAlternatives(
            subject=subject,
            body=render_to_string(f"members/email/{name}.txt", context),
            to=[to],
        )
        message.attach_alternative(
            render_to_string(f"members/email/{name}.html", context), "text/html"
        )
    return mailers.default.send_messages([message])
