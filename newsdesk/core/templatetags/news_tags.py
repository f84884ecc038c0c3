from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext, pgettext
from wagtail.images.models import Picture

from newsdesk.core.images import LAYOUTS
from newsdesk.core.text import clean_text

register = template.Library()


@register.simple_tag
def news_picture(image, layout, eager=False, alt=None, css_class=""):
    """A named layout (`newsdesk.core.images.LAYOUTS`) drawn by Wagtail's `Picture`, as its
    `{% picture %}` tag draws it: WebP sources, a JPEG <img> with srcset, sizes and its size;
    lazy unless `eager` (the lead photo, which the browser should fetch first).

    The <img> falls back to the middle JPEG width rather than Wagtail's smallest, so a browser
    without srcset still fills the column; `css_class` goes on the <picture>, which the
    stylesheet addresses, where Wagtail would put it on the <img>.
    """
    if not image:
        return ""
    spec = LAYOUTS[layout]
    renditions = image.get_renditions(*spec.filters)
    alt = image.default_alt_text if alt is None else alt
    # The HTML follows from these alone (media URLs are unsigned, and a file name is never
    # reused for other content): drawn once per process, then remembered.
    files = [(r.file, r.width, r.height) for r in renditions.values()]
    key = (layout, eager, alt, css_class, files[0][0].storage, settings.MEDIA_URL)
    key += tuple((file.name, width, height) for file, width, height in files)
    html = _pictures.get(key)
    if html is None:
        if len(_pictures) >= PICTURES_LIMIT:
            _pictures.clear()
        html = _pictures[key] = draw_picture(renditions, spec, eager, alt, css_class)
    return html


PICTURES_LIMIT = 20_000
_pictures = {}


def draw_picture(renditions, spec, eager, alt, css_class):
    jpegs = spec.specs("jpeg")
    fallback = renditions[jpegs[len(jpegs) // 2]]
    attrs = {
        "src": fallback.url,
        "width": fallback.width,
        "height": fallback.height,
        "alt": alt,
        "sizes": spec.sizes,
        "decoding": "async",
        **({"fetchpriority": "high"} if eager else {"loading": "lazy"}),
    }
    html = Picture(renditions, attrs).__html__()
    if css_class:
        html = html.replace("<picture>", format_html('<picture class="{}">', css_class), 1)
    return mark_safe(html)


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


@register.simple_tag
def news_time(value, style="datetime"):
    """A <time datetime> in the newsroom's time zone.

    `datetime`: "Mar 4, 2026 11:46 AM"; `date`: "Mar 4, 2026"; `clock`: "11:46 AM"; `relative`:
    clock time today, "Yesterday", then the date (for feeds and lists). Drawn here rather than
    by a template: listings print one per item.
    """
    if not value:
        return ""
    # Drawn from these alone (a relative time also from today's date): remembered per process.
    today = timezone.localdate() if style == "relative" else None
    key = (value, style, get_language(), timezone.get_current_timezone_name(), today)
    html = _times.get(key)
    if html is None:
        if len(_times) >= TIMES_LIMIT:
            _times.clear()
        html = _times[key] = draw_time(value, style, today)
    return html


TIMES_LIMIT = 20_000
_times = {}


def draw_time(value, style, today=None):
    local = timezone.localtime(value)
    # Formats of Django's `date` filter, translated: each language writes dates its own way
    # (Ukrainian: "4 березня 2026, 11:46", month names in the genitive with "E").
    label = None
    if style == "relative":
        days = (today - local.date()).days
        if days == 0:
            fmt = pgettext("clock time", "g:i A")
        elif days == 1:
            fmt, label = None, gettext("Yesterday")
        elif local.year == today.year:
            fmt = pgettext("day and month", "M j")
        else:
            fmt = pgettext("date", "M j, Y")
    elif style == "date":
        fmt = pgettext("date", "M j, Y")
    elif style == "clock":
        fmt = pgettext("clock time", "g:i A")
    else:
        fmt = pgettext("date and time", "M j, Y g:i A")
    shown = label if label else date_format(local, fmt)
    return format_html('<time datetime="{}">{}</time>', date_format(local, "c"), shown)
