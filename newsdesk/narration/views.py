import hashlib
from io import BytesIO

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from PIL import Image, ImageDraw, ImageFont

COVER_SIZE = 1400  # Apple Podcasts asks for 1400-3000 px square artwork
COVER_BACKGROUND = (179, 38, 30)  # the site's accent colour
COVER_TEXT = (255, 255, 255)


def draw_cover(name):
    image = Image.new("RGB", (COVER_SIZE, COVER_SIZE), COVER_BACKGROUND)
    draw = ImageDraw.Draw(image)
    margin = 120
    # A play triangle in a ring, then the newsroom's name, then what the feed is.
    cx, cy, r = COVER_SIZE // 2, 520, 230
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=COVER_TEXT, width=28)
    draw.polygon([(cx - 75, cy - 120), (cx - 75, cy + 120), (cx + 130, cy)], fill=COVER_TEXT)
    size = 130
    font = ImageFont.load_default(size=size)
    while draw.textlength(name, font=font) > COVER_SIZE - 2 * margin and size > 40:
        size -= 6
        font = ImageFont.load_default(size=size)
    draw.text((cx, 960), name, font=font, fill=COVER_TEXT, anchor="mm")
    draw.text(
        (cx, 1130), "Stories read aloud", font=ImageFont.load_default(size=72), fill=COVER_TEXT,
        anchor="mm",
    )  # fmt: skip
    out = BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


@require_safe
@cache_control(public=True, max_age=86400)
def podcast_cover(request):
    name = settings.WAGTAIL_SITE_NAME
    key = "narration:cover:" + hashlib.sha256(name.encode()).hexdigest()[:16]
    data = cache.get_or_set(key, lambda: draw_cover(name), 86400)
    return HttpResponse(data, content_type="image/png")
