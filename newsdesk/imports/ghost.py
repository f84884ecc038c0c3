"""A Ghost export (JSON, Ghost 2 to 6) as records for the importer.

The export is `{"db": [{"meta": {...}, "data": {"posts": [...], "tags", "users", "posts_tags",
"posts_authors", "posts_meta", ...}}]}` (older tools write `{"meta", "data"}` without "db").
It is read as a stream twice: once for everything but the posts' text, once for the posts.

A post's body is its `html`; only a post without it is rendered from `lexical` (Ghost 5-6) or
`mobiledoc` (Ghost 2-4), card by card, into the same HTML the converter takes. The primary (first
public) tag is the section, public tags are tags, internal tags (`#...`) are left out; the
post's authors, in order, are the byline. Members-only posts and email-only posts are imported
unpublished: the site has no paywall.
"""

import html
import json
from datetime import UTC, datetime
from urllib.parse import urlsplit

import ijson

from newsdesk.imports.files import ExportError, json_events
from newsdesk.imports.records import (
    ImageRef,
    PersonRecord,
    PostRecord,
    SectionRecord,
    TagRecord,
)
from newsdesk.imports.wordpress import plain_text

TABLE_PREFIXES = ("db.item.data.", "data.")
SIDE_TABLES = {"tags", "users", "posts_tags", "posts_authors", "posts_meta"}
GHOST_URL = "__GHOST_URL__"
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Text formats of Lexical text nodes (a bit field): bold, italic.
BOLD, ITALIC = 1, 2


def parse_date(value):
    """Ghost dates: ISO 8601 ('2021-03-24T04:34:12.000Z'), '2021-03-24 04:34:12' (UTC) or, in
    the oldest exports, milliseconds since 1970."""
    if value in (None, ""):
        return None
    if isinstance(value, int | float):
        return datetime.fromtimestamp(value / 1000, tz=UTC)
    try:
        date = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return date if date.tzinfo else date.replace(tzinfo=UTC)


def escape(value):
    return html.escape(str(value or ""), quote=True)


def link_paragraph(url, label=None):
    return f'<p><a href="{escape(url)}">{escape(label or url)}</a></p>'


def card_html(name, card):
    """HTML for a Ghost card (mobiledoc's payload, or a Lexical node's fields)."""
    if name == "image":
        caption = card.get("caption") or ""
        src, alt = escape(card.get("src")), escape(card.get("alt") or card.get("altText"))
        return f'<figure><img src="{src}" alt="{alt}"><figcaption>{caption}</figcaption></figure>'
    if name == "gallery":
        images = "".join(f'<img src="{escape(i.get("src"))}">' for i in card.get("images", []))
        return f"<figure>{images}<figcaption>{card.get('caption') or ''}</figcaption></figure>"
    if name == "embed":
        return link_paragraph(card["url"]) if card.get("url") else card.get("html", "")
    if name == "bookmark":
        title = (card.get("metadata") or {}).get("title")
        return link_paragraph(card["url"], title) if card.get("url") else ""
    if name == "html":
        return card.get("html", "")
    if name == "markdown":
        text = card.get("markdown", "")
        return "".join(f"<p>{escape(part)}</p>" for part in text.split("\n\n") if part.strip())
    if name in ("code", "codeblock"):
        return f"<pre>{escape(card.get('code'))}</pre>"
    if name == "callout":
        return f"<p>{card.get('calloutText', '')}</p>"
    if name == "toggle":
        return f"<p><b>{card.get('heading', '')}</b></p><p>{card.get('content', '')}</p>"
    if name in ("hr", "horizontalrule"):
        return "<hr>"
    return ""


def lexical_html(document):
    return "".join(lexical_node(node) for node in document.get("root", {}).get("children", []))


def lexical_node(node):
    kind = node.get("type", "")
    inner = "".join(lexical_node(child) for child in node.get("children", []))
    if kind in ("text", "extended-text"):
        text = escape(node.get("text"))
        fmt = node.get("format", 0) if isinstance(node.get("format"), int) else 0
        text = f"<b>{text}</b>" if fmt & BOLD else text
        return f"<i>{text}</i>" if fmt & ITALIC else text
    if kind == "paragraph":
        return f"<p>{inner}</p>"
    if kind in ("heading", "extended-heading"):
        tag = node.get("tag") if node.get("tag") in HEADINGS else "h2"
        return f"<{tag}>{inner}</{tag}>"
    if kind in ("quote", "extended-quote", "aside"):
        return f"<blockquote><p>{inner}</p></blockquote>"
    if kind == "list":
        tag = "ol" if node.get("listType") == "number" else "ul"
        return f"<{tag}>{inner}</{tag}>"
    if kind == "listitem":
        return f"<li>{inner}</li>"
    if kind in ("link", "autolink"):
        return f'<a href="{escape(node.get("url"))}">{inner}</a>'
    if kind == "linebreak":
        return "<br>"
    return card_html(kind, node) or inner


def mobiledoc_html(document):
    markups, atoms, cards = (document.get(k, []) for k in ("markups", "atoms", "cards"))
    parts = []

    def markers(items):
        out, stack = [], []
        for marker_type, opened, closed, value in items:
            for index in opened:
                tag, *rest = markups[index]
                attributes = dict(zip(rest[0][::2], rest[0][1::2], strict=False)) if rest else {}
                if tag == "a":
                    out.append(f'<a href="{escape(attributes.get("href"))}">')
                    stack.append("</a>")
                elif tag in ("b", "strong", "i", "em"):
                    out.append(f"<{tag}>")
                    stack.append(f"</{tag}>")
                else:
                    stack.append("")
            out.append(escape(value if marker_type == 0 else atoms[value][1]))
            for _ in range(closed):
                out.append(stack.pop())
        return "".join(out + stack[::-1])

    for section in document.get("sections", []):
        kind = section[0]
        if kind == 1:
            tag = section[1].lower()
            tag = "blockquote" if tag in ("aside", "pull-quote") else tag
            tag = tag if tag in HEADINGS | {"p", "blockquote"} else "p"
            parts.append(f"<{tag}>{markers(section[2])}</{tag}>")
        elif kind == 2:
            parts.append(card_html("image", {"src": section[1]}))
        elif kind == 3:
            tag = "ol" if section[1].lower() == "ol" else "ul"
            items = "".join(f"<li>{markers(item)}</li>" for item in section[2])
            parts.append(f"<{tag}>{items}</{tag}>")
        elif kind == 10 and section[1] < len(cards):
            name, payload = cards[section[1]]
            parts.append(card_html(name, payload))
    return "".join(parts)


class GhostSource:
    def __init__(self, path, name, *, site_url=""):
        self.path = path
        self.name = name
        self.site_url = site_url.rstrip("/")
        self.hosts = {urlsplit(site_url).hostname} if site_url else set()
        self.system = "ghost"

    def rows(self, tables):
        """(table, row) for each row of the wanted tables of data, as the file streams by."""
        builder = None
        for prefix, event, value in json_events(self.path, self.name):
            if builder is None:
                if event == "start_array":
                    for start in TABLE_PREFIXES:
                        if prefix.startswith(start) and prefix[len(start) :] == "posts":
                            self.saw_posts = True
                if event != "start_map" or not prefix.endswith(".item"):
                    continue
                table = next(
                    (
                        prefix[len(start) : -5]
                        for start in TABLE_PREFIXES
                        if prefix.startswith(start)
                    ),
                    None,
                )
                if table in tables:
                    builder, table_prefix, current = ijson.ObjectBuilder(), prefix, table
                    builder.event(event, value)
                continue
            builder.event(event, value)
            if event == "end_map" and prefix == table_prefix:
                yield current, builder.value
                builder = None

    def scan(self):
        self.saw_posts = False
        self.tags, self.users, self.meta, self.summaries = {}, {}, {}, []
        post_tags, post_authors = {}, {}
        for table, row in self.rows(SIDE_TABLES | {"posts"}):
            if table == "tags":
                self.tags[row.get("id")] = row
            elif table == "users":
                self.users[row.get("id")] = row
            elif table == "posts_meta":
                self.meta[row.get("post_id")] = row
            elif table == "posts_tags":
                post_tags.setdefault(row.get("post_id"), []).append(row)
            elif table == "posts_authors":
                post_authors.setdefault(row.get("post_id"), []).append(row)
            else:
                self.summaries.append({key: row.get(key) for key in ("id", "slug", "type", "page")})
        if not self.saw_posts:
            raise ExportError(
                f"{self.name}: not a Ghost export (no posts in db[0].data); export it in Ghost "
                "under Settings -> Labs -> Export your content."
            )
        order = lambda row: row.get("sort_order") or 0  # noqa: E731
        self.post_tags = {
            post: [row.get("tag_id") for row in sorted(rows, key=order)]
            for post, rows in post_tags.items()
        }
        self.post_authors = {
            post: [row.get("author_id") for row in sorted(rows, key=order)]
            for post, rows in post_authors.items()
        }
        self.post_total = len(self.summaries)

    # records the importer asks for

    def public_tags(self, post_id):
        return [
            tag_id
            for tag_id in self.post_tags.get(post_id, [])
            if tag_id in self.tags
            and self.tags[tag_id].get("visibility", "public") == "public"
            and not str(self.tags[tag_id].get("name", "")).startswith("#")
        ]

    def section_record(self, key):
        tag = self.tags.get(key)
        if not tag:
            return None
        return SectionRecord(
            key=key,
            title=tag.get("name") or tag.get("slug") or key,
            slug=tag.get("slug") or "",
            description=plain_text(tag.get("description") or ""),
        )

    def tag_record(self, key):
        tag = self.tags.get(key)
        if not tag:
            return None
        return TagRecord(
            key=key,
            name=tag.get("name") or tag.get("slug") or key,
            slug=tag.get("slug") or "",
            old_paths=[f"/tag/{tag.get('slug')}/"],
        )

    def person_record(self, key):
        user = self.users.get(key.removeprefix("user:"))
        if not user:
            return None
        slug = user.get("slug") or ""
        photo = self.url(user.get("profile_image") or "")
        return PersonRecord(
            key=key,
            name=user.get("name") or slug or "Unknown",
            slug=slug,
            bio=plain_text(user.get("bio") or ""),
            photo=ImageRef(url=photo) if photo else None,
            old_paths=[f"/author/{slug}/"] if slug else [],
            feed_paths=[f"/author/{slug}/rss/"] if slug else [],
        )

    def feed_redirects(self):
        return [("/rss/", "feed_latest")]

    def attachment_url(self, attachment_id):
        return None

    def url(self, value):
        return str(value or "").replace(GHOST_URL, self.site_url)

    def body_image(self, src, alt):
        return ImageRef(url=self.url(src), alt=alt)

    def link_targets(self):
        from wagtail.contrib.redirects.models import Redirect

        targets = {}
        for summary in self.summaries:
            if summary.get("type", "post") == "post" and not summary.get("page"):
                targets[Redirect.normalise_path(f"/{summary['slug']}/")] = ("post", summary["id"])
        for key, tag in self.tags.items():
            targets[Redirect.normalise_path(f"/tag/{tag.get('slug')}/")] = ("tag", key)
        for key, user in self.users.items():
            targets[Redirect.normalise_path(f"/author/{user.get('slug')}/")] = (
                "person",
                f"user:{key}",
            )
        return targets

    # posts

    def posts(self):
        for _, post in self.rows({"posts"}):
            yield self.post_record(post)

    def status(self, post):
        status = post.get("status")
        if status == "published":
            if post.get("visibility", "public") != "public":
                return "draft", "for members only in Ghost: imported unpublished"
            return "published", ""
        if status == "scheduled":
            return "scheduled", ""
        if status == "sent":
            return "draft", "sent by email only in Ghost: imported unpublished"
        if status == "draft":
            return "draft", ""
        return "skip", f"status {status or 'none'} is not imported"

    def body(self, post):
        if post.get("html"):
            return post["html"], ""
        for field, render in (("lexical", lexical_html), ("mobiledoc", mobiledoc_html)):
            if post.get(field):
                try:
                    return render(json.loads(post[field])), ""
                except (ValueError, TypeError, KeyError, IndexError, AttributeError):
                    return "", f"its {field} content could not be read"
        return "", ""

    def post_record(self, post):
        key = post.get("id") or ""
        title = post.get("title") or ""
        if post.get("type") == "page" or post.get("page") in (True, 1):
            return PostRecord(
                key=key,
                title=title,
                kind="page",
                status="skip",
                note="a Ghost page: the site has no page type for it",
            )
        status, note = self.status(post)
        meta = {
            **{k: post.get(k) for k in ("meta_title", "meta_description")},
            **{k: v for k, v in self.meta.get(key, {}).items() if v},
        }
        markup, problem = self.body(post)
        tags = self.public_tags(key)
        authors = self.post_authors.get(key) or (
            [post["author_id"]] if post.get("author_id") else []
        )
        image = self.url(post.get("feature_image") or "")
        slug = post.get("slug") or ""
        return PostRecord(
            key=key,
            title=title,
            status=status,
            note="; ".join(part for part in (note, problem) if part),
            slug=slug,
            published_at=parse_date(post.get("published_at")),
            modified_at=parse_date(post.get("updated_at")),
            html=self.url(markup),
            excerpt=plain_text(post.get("custom_excerpt") or ""),
            section_key=tags[0] if tags else None,
            tag_keys=tags,
            author_keys=[f"user:{author}" for author in authors if author in self.users],
            lead_image=ImageRef(
                url=image,
                alt=meta.get("feature_image_alt") or "",
                caption=plain_text(meta.get("feature_image_caption") or ""),
            )
            if image
            else None,
            seo_title=meta.get("meta_title") or "",
            seo_description=meta.get("meta_description") or "",
            old_paths=[f"/{slug}/"] if status == "published" and slug else [],
            raw={"updated_at": post.get("updated_at"), "meta": meta},
        )
