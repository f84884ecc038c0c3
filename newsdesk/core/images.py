"""Named picture layouts: which renditions each place on the page asks for.

Every layout lists widths for `srcset`, an aspect ratio and the `sizes` attribute matching the CSS
grid, so the browser downloads the smallest file that fills the slot. WebP with a JPEG fallback,
drawn by Wagtail's `Picture` (`news_tags.news_picture`); the task worker makes the same
renditions ahead of readers (`core.tasks.generate_renditions`).
"""

from dataclasses import dataclass
from functools import cached_property

from wagtail.images.models import Filter


@dataclass(frozen=True)
class Layout:
    widths: tuple[int, ...]
    ratio: tuple[int, int]
    sizes: str

    def specs(self, fmt):
        w, h = self.ratio
        return [f"fill-{width}x{width * h // w}|format-{fmt}" for width in self.widths]

    def all_specs(self):
        return self.specs("webp") + self.specs("jpeg")

    @cached_property
    def filters(self):
        """Wagtail's Filter for each of all_specs(), made once: a Filter parses its spec the
        first time it is used, which cost more than finding the rendition."""
        return [Filter(spec=spec) for spec in self.all_specs()]


LAYOUTS = {
    # Lead photo of an article and the front page's lead story.
    "lead": Layout((480, 800, 1200, 1600), (16, 9), "(min-width: 1100px) 720px, 100vw"),
    # Pictures inside an article body.
    "inline": Layout((480, 800, 1200), (3, 2), "(min-width: 1100px) 720px, 100vw"),
    # Cards in rows of three or four.
    "card": Layout((320, 640), (3, 2), "(min-width: 1100px) 280px, (min-width: 640px) 45vw, 100vw"),
    # Small thumbnails in dense lists.
    "thumb": Layout((160, 320), (1, 1), "96px"),
    # Author portraits.
    "portrait": Layout((96, 192), (1, 1), "96px"),
}
