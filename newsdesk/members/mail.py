"""Mail to readers: subject/text/HTML template triples under members/email/, through Django's
mailers as newsletters' mail goes."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.template.loader import render_to_string


def send(name, *, to, context):
    context = {"site_name": settings.WAGTAIL_SITE_NAME, "site_url": settings.SITE_URL, **context}
    subject = " ".join(render_to_string(f"members/email/{name}_subject.txt", context).split())
    message = EmailMultiAlternatives(
        subject=subject, body=render_to_string(f"members/email/{name}.txt", context), to=[to]
    )
    message.attach_alternative(render_to_string(f"members/email/{name}.html", context), "text/html")
    return mailers.default.send_messages([message])
