"""WordPress eXtended RSS (WXR 1.0-1.2, Tools -> Export), read as a stream.

`scan()` reads the whole file once and keeps only what every post may refer to (authors, terms,
attachments, Co-Authors Plus guest authors) and a short summary of each post; `items()` reads it
again and yields the posts one at a time. Nothing holds more than one post's text at once.
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import unquote, urlsplit

from newsdesk.imports.files import ExportError, local_name, release, text, xml_events

CHANNEL_LISTS = {"wp:author", "wp:category", "wp:tag", "wp:term"}


@dataclass
class Catalogue:
    name: str
    title: str = ""
    link: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    wxr_version: str = ""
    authors: dict = field(default_factory=dict)  # login -> {...}
    categories: dict = field(default_factory=dict)  # nicename -> {...}
    tags: dict = field(default_factory=dict)  # slug -> {...}
    terms: dict = field(default_factory=dict)  # (taxonomy, slug) -> {...}
    attachments: dict = field(default_factory=dict)  # id -> {...}
    guest_authors: dict = field(default_factory=dict)  # login -> {...}
    posts: list = field(default_factory=list)  # summaries of posts and pages
    post_types: dict = field(default_factory=dict)  # post_type -> count

    @property
    def site_urls(self):
        return [url for url in (self.base_site_url, self.base_blog_url, self.link) if url]

    @property
    def hosts(self):
        return {urlsplit(url).hostname for url in self.site_urls if urlsplit(url).hostname}


def read_item(element):
    """A WXR <item> as a dict: 'title', 'wp:post_id', 'content:encoded'...; 'categories' is a
    list of {domain, nicename, name} and 'meta' a dict of postmeta (first value of each key)."""
    item = {"categories": [], "meta": {}}
    for child in element:
        key = local_name(child)
        if key == "category":
            item["categories"].append(
                {
                    "domain": child.get("domain", ""),
                    "nicename": unquote(child.get("nicename", "")),
                    "name": text(child),
                }
            )
        elif key == "wp:postmeta":
            meta_key = meta_value = ""
            for part in child:
                if local_name(part) == "wp:meta_key":
                    meta_key = text(part)
                elif local_name(part) == "wp:meta_value":
                    meta_value = text(part)
            if meta_key:
                item["meta"].setdefault(meta_key, meta_value)
        elif key and key != "wp:comment":
            item[key] = text(child)
    return item


def read_fields(element):
    return {local_name(child): text(child) for child in element}


class WxrExport:
    def __init__(self, path, name):
        self.path = path
        self.name = name

    def channel_children(self):
        """Each child element of <channel>, then released."""
        depth = 0
        for event, element in xml_events(self.path, self.name):
            if event == "start":
                depth += 1
                if depth == 1 and local_name(element) != "rss":
                    raise ExportError(
                        f"{self.name}, line {element.sourceline}: not a WordPress export "
                        f"(the document is <{local_name(element)}>, not <rss>)."
                    )
                continue
            depth -= 1
            if depth == 2:
                yield element
                release(element)

    def items(self):
        for element in self.channel_children():
            if local_name(element) == "item":
                yield read_item(element)

    def scan(self):
        """Read the file through once: check it and collect what posts refer to."""
        catalogue = Catalogue(name=self.name)
        for element in self.channel_children():
            key = local_name(element)
            if key == "item":
                self.add_item(catalogue, read_item(element))
            elif key in CHANNEL_LISTS:
                self.add_term(catalogue, key, read_fields(element))
            elif key in ("title", "link"):
                setattr(catalogue, key, text(element))
            elif key in ("wp:base_site_url", "wp:base_blog_url", "wp:wxr_version"):
                setattr(catalogue, key.removeprefix("wp:"), text(element))
        if not catalogue.wxr_version:
            raise ExportError(
                f"{self.name}: not a WordPress export (no <wp:wxr_version> in the channel); "
                "export it from WordPress with Tools -> Export."
            )
        return catalogue

    def add_term(self, catalogue, key, fields):
        if key == "wp:author":
            login = fields.get("wp:author_login", "")
            if login:
                catalogue.authors[login] = {
                    "login": login,
                    "id": fields.get("wp:author_id", ""),
                    "email": fields.get("wp:author_email", ""),
                    "name": fields.get("wp:author_display_name", "")
                    or " ".join(
                        part
                        for part in (
                            fields.get("wp:author_first_name", ""),
                            fields.get("wp:author_last_name", ""),
                        )
                        if part
                    )
                    or login,
                }
        elif key == "wp:category":
            nicename = unquote(fields.get("wp:category_nicename", ""))
            if nicename:
                catalogue.categories[nicename] = {
                    "nicename": nicename,
                    "name": fields.get("wp:cat_name", "") or nicename,
                    "parent": unquote(fields.get("wp:category_parent", "")),
                    "description": fields.get("wp:category_description", ""),
                }
        elif key == "wp:tag":
            slug = unquote(fields.get("wp:tag_slug", ""))
            if slug:
                catalogue.tags[slug] = {
                    "slug": slug,
                    "name": fields.get("wp:tag_name", "") or slug,
                    "description": fields.get("wp:tag_description", ""),
                }
        else:
            taxonomy = fields.get("wp:term_taxonomy", "")
            slug = unquote(fields.get("wp:term_slug", ""))
            if taxonomy and slug:
                catalogue.terms[taxonomy, slug] = {
                    "slug": slug,
                    "name": fields.get("wp:term_name", "") or slug,
                    "description": fields.get("wp:term_description", ""),
                }

    def add_item(self, catalogue, item):
        post_type = item.get("wp:post_type", "")
        catalogue.post_types[post_type] = catalogue.post_types.get(post_type, 0) + 1
        meta = item["meta"]
        if post_type == "attachment":
            catalogue.attachments[item.get("wp:post_id", "")] = {
                "id": item.get("wp:post_id", ""),
                "url": item.get("wp:attachment_url", "") or item.get("guid", ""),
                "title": item.get("title", ""),
                "caption": item.get("excerpt:encoded", ""),
                "description": item.get("content:encoded", ""),
                "alt": meta.get("_wp_attachment_image_alt", ""),
                "file": meta.get("_wp_attached_file", ""),
                "credit": meta.get("_media_credit", "")
                or php_string_value(meta.get("_wp_attachment_metadata", ""), "credit"),
            }
        elif post_type == "guest-author":
            login = meta.get("cap-user_login") or item.get("wp:post_name", "").removeprefix("cap-")
            catalogue.guest_authors[login] = {
                "login": login,
                "name": meta.get("cap-display_name") or item.get("title", "") or login,
                "bio": meta.get("cap-description", ""),
                "email": meta.get("cap-user_email", ""),
                "website": meta.get("cap-website", ""),
                "linked_account": meta.get("cap-linked_account", ""),
                "photo": meta.get("_thumbnail_id", ""),
            }
        else:
            catalogue.posts.append(
                {
                    "id": item.get("wp:post_id", ""),
                    "type": post_type,
                    "status": item.get("wp:status", ""),
                    "slug": item.get("wp:post_name", ""),
                    "link": item.get("link", ""),
                    "guid": item.get("guid", ""),
                    "date": post_date(item),
                    "day": item.get("wp:post_date", "")[:10],  # permalinks use the local date
                    "title": item.get("title", ""),
                }
            )


def parse_wp_date(value):
    """A WXR date ('2013-06-07 03:00:44', UTC for the *_gmt fields), or None when unset."""
    if not value or value.startswith("0000"):
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    except ValueError:
        return None


def post_date(item):
    date = parse_wp_date(item.get("wp:post_date_gmt", ""))
    if date is None and item.get("pubDate"):
        try:
            date = parsedate_to_datetime(item["pubDate"])
        except (TypeError, ValueError):
            date = None
        if date is not None and date.year < 1971:
            date = None  # WordPress writes the epoch for drafts that never had a date
    return date or parse_wp_date(item.get("wp:post_date", ""))


def modified_date(item):
    return parse_wp_date(item.get("wp:post_modified_gmt", "")) or parse_wp_date(
        item.get("wp:post_modified", "")
    )


def php_string_value(serialized, key):
    """The string stored under `key` in a PHP-serialized array (WordPress's attachment metadata
    keeps the photographer's credit there), or "". Only `s:N:"key";s:M:"value";` is read."""
    marker = f's:{len(key.encode())}:"{key}";s:'
    start = serialized.find(marker)
    if start < 0:
        return ""
    rest = serialized[start + len(marker) :]
    length, _, rest = rest.partition(':"')
    if not length.isdigit():
        return ""
    value = rest.encode()[: int(length)].decode(errors="ignore")
    return value.strip()
