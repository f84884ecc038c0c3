"""The plain records a source (`wordpress.WordPressSource`, `ghost.GhostSource`) hands over to
the importer, and the options of a run: what both sides of an import agree on."""

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class ImageRef:
    url: str
    alt: str = ""
    title: str = ""
    caption: str = ""
    credit: str = ""
    relative_file: str = ""


@dataclass
class SectionRecord:
    key: str
    title: str
    slug: str
    description: str = ""
    old_paths: list = field(default_factory=list)
    feed_paths: list = field(default_factory=list)


@dataclass
class PersonRecord:
    key: str
    name: str
    slug: str = ""
    bio: str = ""
    photo: ImageRef | None = None
    old_paths: list = field(default_factory=list)
    feed_paths: list = field(default_factory=list)


@dataclass
class TagRecord:
    key: str
    name: str
    slug: str = ""
    old_paths: list = field(default_factory=list)


@dataclass
class PostRecord:
    key: str
    title: str
    kind: str = "post"
    status: str = "published"  # published | draft | scheduled | skip
    note: str = ""  # why the status, e.g. "private in WordPress: imported unpublished"
    slug: str = ""
    published_at: datetime | None = None
    modified_at: datetime | None = None
    html: str = ""
    wordpress: bool = False  # shortcodes and paragraphs by blank lines
    excerpt: str = ""
    section_key: str | None = None
    tag_keys: list = field(default_factory=list)
    author_keys: list = field(default_factory=list)
    lead_image: ImageRef | None = None
    seo_title: str = ""
    seo_description: str = ""
    old_paths: list = field(default_factory=list)
    raw: dict = field(default_factory=dict)  # what the checksum is made of


@dataclass
class Options:
    media_dir: str = ""
    fetch_media: bool = False
    allow_private_media: bool = False
    section_map: dict = field(default_factory=dict)
    narrate_since: datetime | None = None

    @classmethod
    def from_run(cls, run):
        options = dict(run.options)
        since = options.get("narrate_since")
        return cls(
            media_dir=options.get("media_dir", ""),
            fetch_media=bool(options.get("fetch_media")),
            allow_private_media=bool(options.get("allow_private_media")),
            section_map={k.lower(): v for k, v in options.get("section_map", {}).items()},
            narrate_since=datetime.fromisoformat(since) if since else None,
        )
