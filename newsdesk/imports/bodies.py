"""Post bodies from WordPress or Ghost (HTML) -> an article's StreamField blocks.

1. WordPress shortcodes: `[caption]` becomes a <figure> with its caption, `[embed]`, `[youtube]`,
   `[vimeo]`, `[tweet]` and `[instagram]` a link that step 4 turns into an embed, `[gallery]`
   its images; every other shortcode is removed (the text it wraps is kept) and counted for the
   report. Shortcodes are WordPress's own text syntax, not HTML, so they are matched as
   WordPress matches them, with a regular expression.
2. Classic-editor posts get their paragraphs: WordPress stores them as lines separated by blank
   lines and adds <p> only when it shows the post.
3. The HTML is sanitised by nh3 (Ammonia): scripts, event handlers, styles, `javascript:` links
   and every tag or attribute not listed below are removed.
4. The clean tree is walked into the blocks articles have (newsdesk.articles.blocks): paragraph
   (bold, italic, links and line breaks only), heading, quote, image (with the caption of
   `<figcaption>`), embed (YouTube, Vimeo, X, Instagram). Lists become one paragraph per item,
   since articles have no list block. Iframes from other hosts are removed and reported.

Links inside the text go through `link_for`, which rewrites links to the old site into links to
the imported pages (Wagtail page links, which follow a page when it moves).

Steps 1 to 3 are in `markup`; this module is step 4, the walk.
"""

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import lxml.html

from newsdesk.imports.markup import (
    CAPTIONED_IMAGE,
    EMBED_SHORTCODES,
    KNOWN_SHORTCODES,
    SHORTCODE,
    add_paragraphs,
    embed_url,
    link_paragraph,
    sanitise,
    shortcode_attributes,
    shortcode_embed_url,
)

MAX_HEADINGS = 30  # ArticleBodyBlock allows 30 headings; more become bold paragraphs


# The walk ----------------------------------------------------------------------------------

BLOCK_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "figure",
    "figcaption", "div", "section", "article", "aside", "header", "footer", "main", "pre",
    "table", "thead", "tbody", "tfoot", "tr", "hr",
}  # fmt: skip
CONTAINERS = {"div", "section", "article", "aside", "header", "footer", "main", "thead", "tbody"}
INLINE_MARKUP = {"b": "b", "strong": "b", "i": "i", "em": "i"}
URL_ONLY = re.compile(r"^https?://\S+$")
WHITESPACE = re.compile(r"\s+")
LEADING_OR_TRAILING_BREAKS = re.compile(r"^(?:\s|<br/>)+|(?:\s|<br/>)+$")


@dataclass
class Body:
    blocks: list = field(default_factory=list)  # StreamField raw data: {"type", "value"}
    shortcodes: Counter = field(default_factory=Counter)
    notes: list = field(default_factory=list)
    links_pending: bool = False

    def opening_text(self, length):
        """The first `length` characters or so of the paragraphs' text (for a standfirst)."""
        texts = []
        for block in self.blocks:
            if block["type"] == "paragraph":
                texts.append(lxml.html.fragment_fromstring(block["value"]).text_content().strip())
                if sum(len(text) for text in texts) > length:
                    break
        return " ".join(texts)


def plain(element):
    return WHITESPACE.sub(" ", element.text_content()).strip()


class BodyConverter:
    """Converts one body at a time. `image_for(src, alt)` returns the id of the stored image (or
    None, and notes why), `link_for(href)` returns ("page", id), ("url", new URL),
    ("pending", None) for a post not imported yet, or None to keep the link as it is, and
    `attachment_url(id)` the address of a WordPress attachment ([gallery ids=...])."""

    def __init__(self, *, image_for, link_for, attachment_url=None):
        self.image_for = image_for
        self.link_for = link_for
        self.attachment_url = attachment_url or (lambda attachment_id: None)

    def convert(self, markup, *, wordpress=False):
        self.body = Body()
        self.inline = []
        self.open = []
        self.has_text = False
        self.headings = 0
        if wordpress:
            markup = self.replace_shortcodes(markup)
            if "<!-- wp:" not in markup:
                markup = add_paragraphs(markup)
        clean = sanitise(markup)
        if clean.strip():
            root = lxml.html.fragment_fromstring(clean, create_parent="div")
            self.walk(root)
            self.flush()
        return self.body

    # shortcodes

    def replace_shortcodes(self, markup):
        return SHORTCODE.sub(self.shortcode, markup)

    def shortcode(self, match):
        escaped_open, name, raw_attributes, self_closing, content, escaped_close = match.groups()
        if escaped_open and escaped_close:
            return match.group()[1:-1]  # [[name]] shows [name]
        lowered = name.lower()
        if not (
            lowered in KNOWN_SHORTCODES
            or raw_attributes.strip()
            or self_closing
            or content is not None
        ):
            return match.group()  # "[sic]" and other bracketed words in the text
        named, positional = shortcode_attributes(raw_attributes)
        if lowered in ("caption", "wp_caption"):
            return self.caption(named, content or "") + escaped_close
        if lowered in EMBED_SHORTCODES:
            url = shortcode_embed_url(lowered, named, positional, content)
            if url:
                return link_paragraph(url) + escaped_close
        if lowered == "gallery" and named.get("ids"):
            urls = [self.attachment_url(i.strip()) for i in named["ids"].split(",")]
            images = "".join(
                f'<p><img src="{html.escape(url, quote=True)}"></p>' for url in urls if url
            )
            if images:
                return images + escaped_close
        self.body.shortcodes[lowered] += 1
        inner = self.replace_shortcodes(content) if content else ""
        return inner + escaped_close

    def caption(self, named, content):
        content = self.replace_shortcodes(content)
        found = CAPTIONED_IMAGE.match(content)
        if not found:
            return content
        image, caption = found.groups()
        caption = named.get("caption") or caption
        return f"\n\n<figure>{image}<figcaption>{caption.strip()}</figcaption></figure>\n\n"

    # the tree

    def walk(self, parent):
        if parent.text:
            self.add_text(parent.text)
        for child in parent:
            self.visit(child)
            if child.tail:
                self.add_text(child.tail)

    def visit(self, element):
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in CONTAINERS:
            self.flush()
            self.walk(element)
            self.flush()
        elif tag in ("p", "figcaption", "li", "dd", "dt", "td", "th"):
            self.flush()
            if tag != "p" or not self.embed_paragraph(element):
                self.walk(element)
            self.flush()
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.flush()
            self.heading(element)
        elif tag == "blockquote":
            self.flush()
            self.blockquote(element)
        elif tag in ("ul", "ol"):
            self.flush()
            self.list(element, numbered=tag == "ol")
        elif tag == "figure":
            self.flush()
            self.figure(element)
        elif tag in ("table", "tfoot"):
            self.flush()
            for row in element.iter("tr"):
                self.add_line(" | ".join(plain(cell) for cell in row))
        elif tag == "tr":
            self.flush()
            self.add_line(" | ".join(plain(cell) for cell in element))
        elif tag == "pre":
            self.flush()
            lines = element.text_content().strip("\n").split("\n")
            self.inline.append("<br/>".join(html.escape(line) for line in lines))
            self.has_text = any(line.strip() for line in lines)
            self.flush()
        elif tag == "hr":
            self.flush()
        elif tag == "img":
            self.flush()
            self.image(element)
        elif tag == "iframe":
            self.flush()
            self.iframe(element)
        elif tag == "br":
            self.inline.append("<br/>")
        else:
            self.inline_element(element, tag)

    def inline_element(self, element, tag):
        if tag == "a" and not plain(element) and element.find(".//img") is not None:
            self.walk(element)  # a linked picture: the picture
            return
        opening = closing = ""
        if tag in INLINE_MARKUP:
            opening, closing = f"<{INLINE_MARKUP[tag]}>", f"</{INLINE_MARKUP[tag]}>"
        elif tag == "a" and element.get("href"):
            opening, closing = self.link(element.get("href")), "</a>"
        if opening:
            self.inline.append(opening)
            self.open.append((opening, closing))
        self.walk(element)
        if opening:
            self.open.pop()
            self.inline.append(closing)

    def add_text(self, value):
        self.inline.append(html.escape(WHITESPACE.sub(" ", value), quote=False))
        self.has_text = self.has_text or bool(value.strip())

    def add_line(self, text):
        self.inline.append(html.escape(text))
        self.has_text = self.has_text or bool(text.strip())
        self.flush()

    def flush(self):
        """End the paragraph being written (closing, and reopening after, any bold or link it
        is inside of: a picture in the middle of a link splits it)."""
        content = "".join(self.inline) + "".join(closing for _, closing in reversed(self.open))
        self.inline = [opening for opening, _ in self.open]
        if self.has_text:
            content = LEADING_OR_TRAILING_BREAKS.sub("", content)
            self.body.blocks.append({"type": "paragraph", "value": f"<p>{content}</p>"})
        self.has_text = False

    def link(self, href):
        target = self.link_for(href.strip())
        if target is None:
            return f'<a href="{html.escape(href.strip(), quote=True)}">'
        kind, value = target
        if kind == "page":
            return f'<a linktype="page" id="{int(value)}">'
        if kind == "pending":
            self.body.links_pending = True
            return f'<a href="{html.escape(href.strip(), quote=True)}">'
        return f'<a href="{html.escape(value, quote=True)}">'

    # blocks

    def embed_paragraph(self, element):
        """A paragraph that is only the address of a video or post is an embed (WordPress's
        auto-embeds, [embed] shortcodes)."""
        text = plain(element)
        if not URL_ONLY.match(text) or element.find(".//img") is not None:
            return False
        url = embed_url(text)
        if url:
            self.body.blocks.append({"type": "embed", "value": url})
            return True
        return False

    def heading(self, element):
        text = plain(element)
        if not text:
            return
        self.headings += 1
        if self.headings > MAX_HEADINGS:
            self.body.blocks.append(
                {"type": "paragraph", "value": f"<p><b>{html.escape(text)}</b></p>"}
            )
        else:
            self.body.blocks.append({"type": "heading", "value": text})

    def blockquote(self, element):
        classes = set((element.get("class") or "").split())
        if classes & {"twitter-tweet", "instagram-media"}:
            candidates = [element.get("data-instgrm-permalink") or ""]
            candidates += [link.get("href") or "" for link in reversed(element.findall(".//a"))]
            for candidate in candidates:
                url = embed_url(candidate) if candidate else None
                if url:
                    self.body.blocks.append({"type": "embed", "value": url})
                    return
        attribution = ""
        for cite in element.findall(".//cite"):
            attribution = attribution or plain(cite)
            cite.drop_tree()
        paragraphs = [plain(part) for part in element.findall(".//p")] or [plain(element)]
        text = "\n\n".join(paragraph for paragraph in paragraphs if paragraph)
        if text:
            self.body.blocks.append(
                {"type": "quote", "value": {"text": text, "attribution": attribution[:255]}}
            )

    def list(self, element, *, numbered):
        number = 0
        for item in element:
            if item.tag != "li":
                self.visit(item)
                continue
            number += 1
            self.flush()
            self.inline.append(f"{number}. " if numbered else "• ")
            self.walk(item)
            self.flush()

    def figure(self, element):
        classes = set((element.get("class") or "").split())
        if "kg-bookmark-card" in classes:
            link = element.find(".//a")
            title = element.find(".//div[@class='kg-bookmark-title']")
            if link is not None and link.get("href"):
                label = plain(title) if title is not None else link.get("href")
                self.inline.append(self.link(link.get("href")) + html.escape(label) + "</a>")
                self.has_text = True
                self.flush()
            return
        caption_element = element.find(".//figcaption")
        caption = ""
        if caption_element is not None:
            caption = plain(caption_element)
            caption_element.drop_tree()
        if element.find(".//iframe") is not None:
            for frame in element.iter("iframe"):
                self.iframe(frame)
            return
        quote = element.find(".//blockquote")
        if quote is not None and element.find(".//img") is None:
            self.blockquote(quote)
            return
        images = list(element.iter("img"))
        if not images:
            url = embed_url(plain(element)) if URL_ONLY.match(plain(element)) else None
            if url:
                self.body.blocks.append({"type": "embed", "value": url})
            else:
                self.walk(element)
                self.flush()
            return
        for index, image in enumerate(images):
            self.image(image, caption=caption if index == len(images) - 1 else "")

    def image(self, element, caption=""):
        src = (element.get("src") or element.get("data-src") or "").strip()
        if not src:
            return
        image_id = self.image_for(src, alt=(element.get("alt") or "").strip())
        if image_id is None:
            return
        self.body.blocks.append(
            {"type": "image", "value": {"image": image_id, "caption": caption[:255], "credit": ""}}
        )

    def iframe(self, element):
        src = (element.get("src") or "").strip()
        url = embed_url(src) if src else None
        if url:
            self.body.blocks.append({"type": "embed", "value": url})
        else:
            host = urlsplit(src).hostname if src else None
            self.body.notes.append(f"an embedded frame from {host or 'an unknown address'} removed")
