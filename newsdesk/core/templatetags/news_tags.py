from django import template
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator

from newsdesk.core.images import picture_data
from newsdesk.core.text import clean_text

register = template.Library()


@register.inclusion_tag("components/picture.html")
def news_picture(image, layout, eager=False, alt=None, css_class=""):
    """A responsive <picture> (WebP + JPEG, srcset, explicit size); lazy unless `eager`."""
    if not image:
        return {"picture": None}
    return {
        "picture": picture_data(image, layout),
        "alt": image.default_alt_text if alt is None else alt,
        "eager": eager,
        "css_class": css_class,
    }


@register.filter
def excerpt(text, length=150):
    """Plain text cut at a word boundary near `length` characters, ending in an ellipsis."""
    return Truncator(strip_tags(text or "").strip()).chars(length, truncate="…")


@register.filter(name="clean_text")
def clean_text_filter(text):
    """Text without control characters, for XML (rows saved before they were removed on save)."""
    return clean_text(text)


@register.filter
def startswith(text, prefix):
    return str(text).startswith(str(prefix))


@register.filter
def byline_names(names):
    """'A', 'A and B', 'A, B and C'."""
    names = [str(name) for name in names]
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


@register.inclusion_tag("components/time.html")
def news_time(value, style="datetime"):
    """A <time datetime> in the newsroom's time zone.

    `datetime`: "Mar 4, 2026 11:46 AM"; `date`: "Mar 4, 2026"; `relative`: clock time today,
    "Yesterday", then the date (for feeds and lists).
    """
    if not value:
        return {"value": None}
    local = timezone.localtime(value)
    if style == "relative":
        today = timezone.localdate()
        days = (today - local.date()).days
        if days == 0:
            fmt, label = "g:i A", None
        elif days == 1:
            fmt, label = None, "Yesterday"
        else:
            fmt, label = ("M j" if local.year == today.year else "M j, Y"), None
    else:
        fmt, label = ("M j, Y" if style == "date" else "M j, Y g:i A"), None
    return {"value": local, "fmt": fmt, "label": label}
