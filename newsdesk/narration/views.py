import hashlib
from functools import cache as remembered
from io import BytesIO
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from PIL import Image, ImageDraw, ImageFont

from newsdesk.core.context_processors import site_name

COVER_SIZE = 1400  # Apple Podcasts asks for 1400-3000 px square artwork
COVER_BACKGROUND = (179, 38, 30)  # the site's accent colour
COVER_TEXT = (255, 255, 255)
# Pillow's own font has Latin letters only; another edition's name (Cyrillic, Greek) is drawn
# with DejaVu Sans where the system has it (Debian's fonts-dejavu-core, on most servers).
COVER_FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
)


@remembered
def cover_font_file():
    return next((path for path in COVER_FONTS if Path(path).is_file()), None)


def cover_font(size):
    path = cover_font_file()
    return ImageFont.truetype(path, size) if path else ImageFont.load_default(size=size)


def drawable(text):
    """Whether the cover's font has the text's letters (Pillow's own has Latin only)."""
    return cover_font_file() is not None or all(ord(char) < 0x250 for char in text)


def draw_cover(name, subtitle="Stories read aloud"):
    image = Image.new("RGB", (COVER_SIZE, COVER_SIZE), COVER_BACKGROUND)
    draw = ImageDraw.Draw(image)
    margin = 120
    # A play triangle in a ring, then the newsroom's name, then what the feed is.
    cx, cy, r = COVER_SIZE // 2, 520, 230
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=COVER_TEXT, width=28)
    draw.polygon([(cx - 75, cy - 120), (cx - 75, cy + 120), (cx + 130, cy)], fill=COVER_TEXT)
    size = 130
    font = cover_font(size)
    while draw.textlength(name, font=font) > COVER_SIZE - 2 * margin and size > 40:
        size -= 6
        font = cover_font(size)
    draw.text((cx, 960), name, font=font, fill=COVER_TEXT, anchor="mm")
    draw.text((cx, 1130), subtitle, font=cover_font(72), fill=COVER_TEXT, anchor="mm")
    out = BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


@require_safe
@cache_control(public=True, max_age=86400)
def podcast_cover(request):
    """The podcast's artwork in the edition's language: its name and what the feed is."""
    name, subtitle = site_name(request), _("Stories read aloud")
    if not drawable(name + subtitle):
        name, subtitle = settings.WAGTAIL_SITE_NAME, "Stories read aloud"
    digest = hashlib.sha256(f"{name}\n{subtitle}\n{cover_font_file()}".encode()).hexdigest()
    key = "narration:cover:" + digest[:16]
    data = cache.get_or_set(key, lambda: draw_cover(name, subtitle), 86400)
    return HttpResponse(data, content_type="image/png")
