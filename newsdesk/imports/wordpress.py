"""A WordPress export (WXR) as records for the importer.

Posts become articles; the first category is the section, tags are tags, and the byline is the
post's Co-Authors Plus authors (guest authors included) when it has them, else its WordPress
author. The featured image (`_thumbnail_id`) with the attachment's caption and credit is the lead
photo, the excerpt the standfirst, Yoast (or Rank Math, All in One SEO) title and description the
page's SEO fields. Every common permalink structure of a published post redirects to its
article, and category, tag, author and feed addresses to their new homes.
"""

import html
import re
from urllib.parse import unquote, urlsplit

import lxml.html

from newsdesk.imports.media import SIZE_SUFFIX
from newsdesk.imports.records import (
    ImageRef,
    PersonRecord,
    PostRecord,
    SectionRecord,
    TagRecord,
)
from newsdesk.imports.wxr import WxrExport, modified_date, post_date

# Post types WordPress keeps for itself (menus, revisions, themes): not content, not reported.
INTERNAL_TYPES = {
    "attachment", "guest-author", "nav_menu_item", "revision", "wp_block", "wp_navigation",
    "wp_template", "wp_template_part", "wp_global_styles", "custom_css", "customize_changeset",
    "oembed_cache", "user_request", "wp_font_family", "wp_font_face", "",
}  # fmt: skip
SEO_KEYS = {
    "title": ("_yoast_wpseo_title", "rank_math_title", "_aioseo_title", "_aioseop_title"),
    "description": (
        "_yoast_wpseo_metadesc", "rank_math_description", "_aioseo_description",
        "_aioseop_description",
    ),
}  # fmt: skip
SEO_VARIABLE = re.compile(r"%%?[a-z_]+%%?|#[a-z_]+\b")
SEPARATORS = re.compile(r"^[\s|\-–—·•:]+|[\s|\-–—·•:]+$")


def wp_nicename(login):
    """WordPress's `sanitize_title` of a login, which is what its author URLs use."""
    value = unquote(login).lower()
    value = re.sub(r"[^a-z0-9 _.\-]", "", value).replace(".", "-").replace(" ", "-")
    return re.sub(r"-+", "-", value).strip("-")


def plain_text(markup):
    if not markup or not markup.strip():
        return ""
    if "<" not in markup and "&" not in markup:
        return " ".join(markup.split())
    return " ".join(
        lxml.html.fragment_fromstring(markup, create_parent="div").text_content().split()
    )


def seo_text(value, title):
    """A Yoast/Rank Math template ('%%title%% %%sep%% %%sitename%%') as plain text."""
    if not value:
        return ""
    value = value.replace("%%title%%", title).replace("%title%", title)
    value = SEPARATORS.sub("", SEO_VARIABLE.sub("", value))
    return " ".join(value.split())


class WordPressSource:
    def __init__(self, path, name):
        self.export = WxrExport(path, name)
        self.extra_categories = {}
        self.extra_tags = {}
        self.extra_people = {}

    def scan(self):
        self.catalogue = catalogue = self.export.scan()
        base_url = catalogue.base_blog_url or catalogue.link or catalogue.base_site_url
        self.base = urlsplit(base_url).path.rstrip("/") if base_url else ""
        host = urlsplit(catalogue.base_site_url or catalogue.link).hostname
        self.system = f"wordpress:{host or catalogue.name}"
        self.hosts = catalogue.hosts
        self.post_total = sum(
            count for kind, count in catalogue.post_types.items() if kind not in INTERNAL_TYPES
        )
        self.attachments_by_path = {}
        for attachment in catalogue.attachments.values():
            for key in self.image_keys(attachment["url"], attachment["file"]):
                self.attachments_by_path.setdefault(key, attachment)
        self.linked_guests = {
            guest["linked_account"]: login
            for login, guest in catalogue.guest_authors.items()
            if guest["linked_account"]
        }
        self.category_ids = {}

    @staticmethod
    def image_keys(url, relative_file=""):
        path = unquote(urlsplit(url).path)
        keys = [SIZE_SUFFIX.sub("", path)]
        if "/wp-content/uploads/" in path:
            keys.append(SIZE_SUFFIX.sub("", path.split("/wp-content/uploads/", 1)[1]))
        if relative_file:
            keys.append(relative_file)
        return keys

    # records the importer asks for

    def section_record(self, key):
        category = self.catalogue.categories.get(key) or self.catalogue.terms.get(("category", key))
        name = (category or {}).get("name") or self.extra_categories.get(key)
        if not name:
            return None
        path = "/".join(reversed(self.category_path(key)))
        return SectionRecord(
            key=key,
            title=html.unescape(name),
            slug=key,
            description=plain_text((category or {}).get("description", "")),
            old_paths=[f"{self.base}/category/{path}/"],
            feed_paths=[f"{self.base}/category/{path}/feed/"],
        )

    def category_path(self, key):
        chain, seen = [], set()
        while key and key not in seen:
            seen.add(key)
            chain.append(key)
            key = (self.catalogue.categories.get(key) or {}).get("parent", "")
        return chain

    def tag_record(self, key):
        tag = self.catalogue.tags.get(key) or self.catalogue.terms.get(("post_tag", key))
        name = (tag or {}).get("name") or self.extra_tags.get(key)
        if not name:
            return None
        return TagRecord(
            key=key, name=html.unescape(name), slug=key, old_paths=[f"{self.base}/tag/{key}/"]
        )

    def person_record(self, key):
        kind, _, login = key.partition(":")
        if kind == "guest":
            guest = self.catalogue.guest_authors[login]
            attachment = self.catalogue.attachments.get(guest["photo"])
            nicename = wp_nicename(login)
            return PersonRecord(
                key=key,
                name=guest["name"],
                bio=plain_text(guest["bio"]),
                photo=self.image_ref(attachment) if attachment else None,
                old_paths=[f"{self.base}/author/{nicename}/"],
                feed_paths=[f"{self.base}/author/{nicename}/feed/"],
            )
        author = self.catalogue.authors.get(login)
        nicename = wp_nicename(login)
        name = (author or {}).get("name") or self.extra_people.get(key) or login
        old_paths = [f"{self.base}/author/{nicename}/"]
        if author and author["id"].isdigit():
            old_paths.append(f"{self.base}/?author={author['id']}")
        return PersonRecord(
            key=key,
            name=name,
            old_paths=old_paths,
            feed_paths=[f"{self.base}/author/{nicename}/feed/"],
        )

    def feed_redirects(self):
        base = self.base
        return [
            (f"{base}/feed/", "feed_latest"),
            (f"{base}/feed/rss2/", "feed_latest"),
            (f"{base}/feed/rss/", "feed_latest"),
            (f"{base}/feed/atom/", "feed_latest_atom"),
            (f"{base}/?feed=rss2", "feed_latest"),
            (f"{base}/?feed=atom", "feed_latest_atom"),
        ]

    def attachment_url(self, attachment_id):
        attachment = self.catalogue.attachments.get(str(attachment_id))
        return attachment["url"] if attachment else None

    def image_ref(self, attachment, alt=""):
        return ImageRef(
            url=attachment["url"],
            alt=alt or attachment["alt"],
            title=html.unescape(attachment["title"]),
            caption=plain_text(attachment["caption"]) or plain_text(attachment["description"]),
            credit=attachment["credit"],
            relative_file=attachment["file"],
        )

    def body_image(self, src, alt):
        for key in self.image_keys(src):
            attachment = self.attachments_by_path.get(key)
            if attachment:
                ref = self.image_ref(attachment, alt)
                ref.caption = ""  # a caption in the text says so itself
                return ref
        return ImageRef(url=src, alt=alt)

    def post_paths(self, summary):
        base = self.base
        paths = [f"{base}/?p={summary['id']}"]
        for url in (summary["link"], summary["guid"]):
            parts = urlsplit(url)
            if url and (not parts.netloc or parts.hostname in self.hosts):
                paths.append(parts.path + (f"?{parts.query}" if parts.query else ""))
        slug = summary["slug"]
        if slug:
            day = summary.get("day") or ""
            if len(day) == 10:
                year, month, date = day.split("-")
                paths += [f"{base}/{year}/{month}/{date}/{slug}/", f"{base}/{year}/{month}/{slug}/"]
            paths.append(f"{base}/{slug}/")
        return [path for path in dict.fromkeys(paths) if path.strip("/")]

    def link_targets(self):
        targets = {}
        from wagtail.contrib.redirects.models import Redirect

        for summary in self.catalogue.posts:
            if summary["type"] != "post" or summary["status"] in ("trash", "auto-draft", "inherit"):
                continue
            for path in self.post_paths(summary):
                targets.setdefault(Redirect.normalise_path(path), ("post", summary["id"]))
        for key in self.catalogue.categories:
            path = "/".join(reversed(self.category_path(key)))
            targets[Redirect.normalise_path(f"{self.base}/category/{path}/")] = ("section", key)
        for key in self.catalogue.tags:
            targets[Redirect.normalise_path(f"{self.base}/tag/{key}/")] = ("tag", key)
        for login in self.catalogue.authors:
            path = Redirect.normalise_path(f"{self.base}/author/{wp_nicename(login)}/")
            targets[path] = ("person", self.person_key(login))
        return targets

    # posts

    def person_key(self, login):
        if login in self.linked_guests:
            return f"guest:{self.linked_guests[login]}"
        return f"user:{login}"

    def byline(self, item):
        """Co-Authors Plus authors (terms of the 'author' taxonomy, `cap-<login>`), in order;
        else the post's WordPress author."""
        keys = []
        guests = self.catalogue.guest_authors
        for term in item["categories"]:
            if term["domain"] != "author":
                continue
            login = term["name"] or term["nicename"].removeprefix("cap-")
            nicename = term["nicename"].removeprefix("cap-")
            if login in guests or nicename in guests:
                keys.append(f"guest:{login if login in guests else nicename}")
            elif login in self.catalogue.authors:
                keys.append(self.person_key(login))
            else:
                match = next(
                    (a for a in self.catalogue.authors if wp_nicename(a) == nicename), None
                )
                if match:
                    keys.append(self.person_key(match))
                else:
                    keys.append(f"user:{nicename}")
                    self.extra_people[f"user:{nicename}"] = login
        creator = item.get("dc:creator", "")
        if not keys and creator:
            keys.append(self.person_key(creator))
        return list(dict.fromkeys(keys))

    def status(self, item):
        status = item.get("wp:status", "")
        if status == "publish":
            if item.get("wp:post_password"):
                return "draft", "password-protected in WordPress: imported unpublished"
            return "published", ""
        if status == "future":
            return "scheduled", ""
        if status in ("draft", "pending"):
            return "draft", ""
        if status == "private":
            return "draft", "private in WordPress: imported unpublished"
        if status == "trash":
            return "skip", "in WordPress's trash"
        if status == "auto-draft":
            return "skip", "an automatic draft (never written)"
        return "skip", f"status {status or 'none'} is not imported"

    def posts(self):
        for item in self.export.items():
            post_type = item.get("wp:post_type", "")
            if post_type in INTERNAL_TYPES:
                continue
            key = item.get("wp:post_id", "")
            title = html.unescape(item.get("title", ""))
            if post_type == "page":
                yield PostRecord(
                    key=key,
                    title=title,
                    kind="page",
                    status="skip",
                    note="a WordPress page: the site has no page type for it",
                )
                continue
            if post_type != "post":
                yield PostRecord(
                    key=key,
                    title=title,
                    kind=post_type[:20],
                    status="skip",
                    note=f"post type {post_type!r} is not imported",
                )
                continue
            yield self.post_record(item, key, title)

    def post_record(self, item, key, title):
        status, note = self.status(item)
        categories = [t for t in item["categories"] if t["domain"] == "category"]
        tags = [t for t in item["categories"] if t["domain"] == "post_tag"]
        for term in categories:
            self.extra_categories.setdefault(term["nicename"], term["name"])
        for term in tags:
            self.extra_tags.setdefault(term["nicename"], term["name"])
        meta = item["meta"]
        attachment = self.catalogue.attachments.get(meta.get("_thumbnail_id", ""))
        published_at = post_date(item)
        summary = {
            "id": key,
            "link": item.get("link", ""),
            "guid": item.get("guid", ""),
            "slug": item.get("wp:post_name", ""),
            "day": item.get("wp:post_date", "")[:10],
        }
        return PostRecord(
            key=key,
            title=title,
            status=status,
            note=note,
            slug=unquote(item.get("wp:post_name", "")),
            published_at=published_at,
            modified_at=modified_date(item),
            html=item.get("content:encoded", ""),
            wordpress=True,
            excerpt=plain_text(item.get("excerpt:encoded", "")),
            section_key=categories[0]["nicename"] if categories else None,
            tag_keys=list(dict.fromkeys(t["nicename"] for t in tags if t["nicename"])),
            author_keys=self.byline(item),
            lead_image=self.image_ref(attachment) if attachment else None,
            seo_title=seo_text(self.first_meta(meta, "title"), title),
            seo_description=seo_text(self.first_meta(meta, "description"), title),
            old_paths=self.post_paths(summary) if status == "published" else [],
            raw={"thumbnail": attachment, "sticky": item.get("wp:is_sticky", "")},
        )

    @staticmethod
    def first_meta(meta, what):
        return next((meta[key] for key in SEO_KEYS[what] if meta.get(key)), "")
