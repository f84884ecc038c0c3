"""The publisher logo named in structured data: the site's favicon mark as a 512 px PNG.

Search engines want a raster logo of at least 112 px; the favicon is SVG. The PNG in
`static/discovery/` is made by this module: `python -m newsdesk.discovery.logo` writes it again.
"""

from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw

LOGO_SIZE = 512
LOGO_STATIC_PATH = "discovery/publisher-logo.png"
LOGO_FILE = Path(__file__).parent / "static" / LOGO_STATIC_PATH
# The favicon's drawing on its 32-unit grid (see static/img/favicon.svg).
LETTER = [(9, 23), (9, 9), (12.2, 9), (19.8, 18.4), (19.8, 9), (23, 9), (23, 23), (19.8, 23),
          (12.2, 13.6), (12.2, 23)]  # fmt: skip
INK, PAPER, ACCENT = (20, 20, 20), (255, 255, 255), (179, 38, 30)
SUPERSAMPLE = 4


def render_logo(size=LOGO_SIZE):
    """The mark as an RGBA image, drawn large and scaled down for smooth edges."""
    big = size * SUPERSAMPLE
    unit = big / 32
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=round(6 * unit), fill=INK)
    draw.polygon([(x * unit, y * unit) for x, y in LETTER], fill=PAPER)
    draw.ellipse(((26 - 3) * unit, (6 - 3) * unit, (26 + 3) * unit, (6 + 3) * unit), fill=ACCENT)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def logo_png():
    buffer = BytesIO()
    render_logo().save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


if __name__ == "__main__":
    LOGO_FILE.write_bytes(logo_png())
    print(f"wrote {LOGO_FILE}")
