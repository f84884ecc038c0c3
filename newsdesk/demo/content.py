"""The demo newsroom's content, read from the files under `data/`.

Articles are Markdown with TOML front matter between `+++` lines; sections, authors, newsletters,
the live feed, the lexicon and the site's name are TOML. Writers edit those files; this module
turns them into the plain dicts and lists the demo steps load. The Markdown is the small subset
the articles use, parsed here rather than with a library so that the demo adds no dependency:

* a paragraph is a block of text; `**bold**` and `[text](url)` are its only inline markup;
* `## Heading`;
* `> quote`, with an optional last line `> — attribution`;
* `![Image title]` is a photo described under `[images."Image title"]` in the front matter;
* `[related: article-slug]` is a related-story card; `[newsletter: heading]` a sign-up form.

Times are relative to "now": `hours_ago`, `updated_hours_ago` and corrections' `hours_ago` in
hours. An image's `motif` and `seed`, and an author's `photo_seed`, are what
`newsdesk.demo.images` paints from.

The names below (`ARTICLES`, `AUTHORS`, ...) are read on first use, so importing this module
costs nothing.
"""

import re
import tomllib
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

DIRECTIVE = re.compile(r"^\[(related|newsletter): (.+)\]$")
IMAGE = re.compile(r"^!\[(.+)\]$")
BOLD = re.compile(r"\*\*(.+?)\*\*")
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


def toml(name):
    with open(DATA / name, "rb") as file:
        return tomllib.load(file)


def inline_html(text):
    """The paragraph's Markdown emphasis and links as the HTML the rich text field stores."""
    return LINK.sub(r'<a href="\2">\1</a>', BOLD.sub(r"<b>\1</b>", text))


def quote(block):
    lines = [line.removeprefix(">").strip() for line in block.splitlines()]
    lines = [line for line in lines if line]
    if len(lines) > 1 and lines[-1].startswith("— "):
        return {"text": " ".join(lines[:-1]), "attribution": lines[-1].removeprefix("— ")}
    return {"text": " ".join(lines), "attribution": ""}


def body_block(block, images):
    """One `(kind, value)` body block from a Markdown block (text between blank lines)."""
    if block.startswith("## "):
        return ("heading", block.removeprefix("## "))
    if block.startswith(">"):
        return ("quote", quote(block))
    if match := IMAGE.match(block):
        return ("image", {"title": match[1], **images[match[1]]})
    if match := DIRECTIVE.match(block):
        return (match[1], match[2])
    return ("paragraph", inline_html(" ".join(block.splitlines())))


def article(path):
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("+++\n", 2)
    spec = tomllib.loads(front)
    images = spec.pop("images", {})
    blocks = [block.strip() for block in body.split("\n\n") if block.strip()]
    return {
        "updated_hours_ago": None,
        "lead_image": None,
        "corrections": [],
        **spec,
        "body": [body_block(block, images) for block in blocks],
    }


@cache
def load():
    site = toml("site.toml")
    newsletters = toml("newsletters.toml")
    return {
        "SITE_NAME": site["site_name"],
        "TAGLINE": site["tagline"],
        "ABOUT": site["about"],
        "CONTACT_EMAIL": site["contact_email"],
        "HOME": site["home"],
        "SECTIONS": toml("sections.toml")["sections"],
        "AUTHORS": toml("authors.toml")["authors"],
        # The files are numbered: the order is the order pages are added to their sections.
        "ARTICLES": [article(path) for path in sorted((DATA / "articles").glob("*.md"))],
        "NEWSLETTERS": newsletters["newsletters"],
        "READERS": newsletters["readers"],
        "DRAFT_ISSUE": newsletters["draft"],
        "FEED": toml("feed.toml")["updates"],
        "LEXICON": toml("lexicon.toml")["lexicon"],
    }


@cache
def edition(language):
    """Another edition's files, under `data/<language>/`: its front page, sections, authors' words,
    articles, newsletter and feed, in the same formats as the English ones."""
    folder = DATA / language
    return {
        "site": toml(f"{language}/site.toml"),
        "sections": toml(f"{language}/sections.toml")["sections"],
        "authors": toml(f"{language}/authors.toml")["authors"],
        "articles": [article(path) for path in sorted((folder / "articles").glob("*.md"))],
        "newsletters": toml(f"{language}/newsletters.toml"),
        "feed": toml(f"{language}/feed.toml"),
    }


def __getattr__(name):
    try:
        return load()[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
