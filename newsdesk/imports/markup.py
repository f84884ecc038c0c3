"""Steps 1 to 3 of turning a post body into blocks (see `bodies`): WordPress shortcodes, the
paragraphs of classic-editor posts, sanitising, and which addresses become embeds. Shortcodes are
WordPress's own text syntax, not HTML, so they are matched as WordPress matches them, with a
regular expression."""

import html
import re
from urllib.parse import parse_qs, urlsplit

import nh3

# 1. Shortcodes ---------------------------------------------------------------------------

SHORTCODE = re.compile(
    r"\[(\[?)([A-Za-z][\w-]*)(?![\w-])([^\[\]]*?)(/?)\]"  # [name attrs] or [name /]
    r"(?:(.*?)\[/\2\])?"  # content and [/name], when closed
    r"(\]?)",  # [[name]] is the escaped, literal form
    re.S,
)
ATTRIBUTE = re.compile(
    r"""([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s'"]+)"""
    r"""|"([^"]*)"|'([^']*)'|(\S+)"""
)
EMBED_SHORTCODES = {"embed", "youtube", "vimeo", "tweet", "twitter", "instagram"}
KNOWN_SHORTCODES = EMBED_SHORTCODES | {
    "caption", "wp_caption", "gallery", "audio", "video", "playlist", "contact-form-7",
}  # fmt: skip
CAPTIONED_IMAGE = re.compile(r"^\s*((?:<a\s[^>]*>\s*)?<img\s[^>]*>(?:\s*</a>)?)(.*)$", re.S | re.I)


def shortcode_attributes(raw):
    named, positional = {}, []
    for match in ATTRIBUTE.finditer(raw or ""):
        if match.group(1):
            named[match.group(1).lower()] = match.group(2)
        elif match.group(3):
            named[match.group(3).lower()] = match.group(4)
        elif match.group(5):
            named[match.group(5).lower()] = match.group(6)
        else:
            positional.append(match.group(7) or match.group(8) or match.group(9) or "")
    return named, positional


def link_paragraph(url):
    url = html.escape(url.strip(), quote=True)
    return f'\n\n<p><a href="{url}">{url}</a></p>\n\n'


# 2. Paragraphs of classic posts ------------------------------------------------------------

BLOCK_START = re.compile(
    r"^\s*<(p|h[1-6]|ul|ol|li|blockquote|figure|div|table|pre|iframe|hr|section|dl|address|"
    r"form|fieldset|aside|header|footer|article|center)[\s>/]",
    re.I,
)


def add_paragraphs(text):
    """WordPress's `wpautop`, in short: blank lines part paragraphs, a line break is a <br>."""
    parts = []
    for chunk in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        if not chunk.strip():
            continue
        if BLOCK_START.match(chunk):
            parts.append(chunk)
        else:
            parts.append("<p>" + chunk.strip().replace("\n", "<br>\n") + "</p>")
    return "\n".join(parts)


# 3. Sanitising -------------------------------------------------------------------------------

ALLOWED_TAGS = {
    "p", "br", "b", "strong", "i", "em", "u", "s", "a", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "cite", "q", "ul", "ol", "li", "figure", "figcaption", "img", "iframe", "div",
    "section", "article", "aside", "header", "footer", "main", "span", "pre", "code", "table",
    "thead", "tbody", "tfoot", "tr", "th", "td", "hr", "sub", "sup", "small", "mark", "del",
    "ins", "abbr", "time",
}  # fmt: skip
DROPPED_WITH_CONTENT = {
    "script", "style", "noscript", "template", "object", "svg", "math", "form", "button",
    "select", "textarea", "title", "head",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href"},
    "img": {"src", "alt", "data-src"},
    "iframe": {"src"},
    "blockquote": {"data-instgrm-permalink"},
}
ALLOWED_CLASSES = {
    "figure": {"kg-bookmark-card", "kg-embed-card", "kg-gallery-card", "wp-block-embed"},
    "blockquote": {"twitter-tweet", "instagram-media"},
    "div": {"kg-bookmark-title"},
}


def sanitise(markup):
    return nh3.clean(
        markup,
        tags=ALLOWED_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        strip_comments=True,
    )


# 4. Embeds ---------------------------------------------------------------------------------

YOUTUBE_HOSTS = {
    "youtube.com", "www.youtube.com", "m.youtube.com", "youtube-nocookie.com",
    "www.youtube-nocookie.com",
}  # fmt: skip
VIDEO_ID = re.compile(r"^[\w-]{6,20}$")


def embed_url(url):
    """The URL to embed for a YouTube, Vimeo, X or Instagram address, or None."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https", ""):
        return None
    host = (parts.hostname or "").lower()
    segments = [segment for segment in parts.path.split("/") if segment]
    if host in YOUTUBE_HOSTS:
        video = parse_qs(parts.query).get("v", [""])[0]
        if not video and len(segments) >= 2 and segments[0] in ("embed", "shorts", "live", "v"):
            video = segments[1]
        return f"https://www.youtube.com/watch?v={video}" if VIDEO_ID.match(video) else None
    if host == "youtu.be" and segments and VIDEO_ID.match(segments[0]):
        return f"https://www.youtube.com/watch?v={segments[0]}"
    if host in ("vimeo.com", "www.vimeo.com", "player.vimeo.com"):
        numbers = [segment for segment in segments if segment.isdigit()]
        return f"https://vimeo.com/{numbers[0]}" if numbers else None
    if host in ("twitter.com", "www.twitter.com", "mobile.twitter.com", "x.com", "www.x.com"):
        if len(segments) >= 3 and segments[1] in ("status", "statuses") and segments[2].isdigit():
            return f"https://twitter.com/{segments[0]}/status/{segments[2]}"
        return None
    instagram = host in ("instagram.com", "www.instagram.com")
    if instagram and len(segments) >= 2 and segments[0] in ("p", "reel", "tv"):
        return f"https://www.instagram.com/{segments[0]}/{segments[1]}/"
    return None


def shortcode_embed_url(name, named, positional, content):
    value = (content or named.get("url") or named.get("src") or named.get("id") or "").strip()
    if not value and positional:
        value = positional[0].lstrip("=").strip()
    if not value:
        return ""
    if name == "youtube" and VIDEO_ID.match(value):
        return f"https://www.youtube.com/watch?v={value}"
    if name == "vimeo" and value.isdigit():
        return f"https://vimeo.com/{value}"
    return html.unescape(value)
