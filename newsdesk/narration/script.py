"""What the voice reads for an article, segment by segment, and the hash that identifies it."""

import hashlib
import html
import json
import re
from dataclasses import dataclass
from functools import cached_property

from django.utils import translation
from django.utils.translation import gettext, gettext_noop

from newsdesk.narration import speech

# Segments that come before the body; their ids never collide with block ids (UUIDs).
INTRO_IDS = ("headline", "byline", "standfirst")
BODY_KINDS = ("paragraph", "heading", "quote")
# Sentences longer than this are cut at clause boundaries: the voice model's memory and time grow
# with the length of what it is given at once, and an unpunctuated wall of text must not exhaust it.
MAX_CHUNK_CHARS = 400
SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9])")
CLAUSE_BREAK = re.compile(r"(?<=[,;:])\s+")
# What the voice says around a pull quote, with or without the name of who said it.
SAID = gettext_noop("%(who)s, said: %(text)s")
QUOTE = gettext_noop("Quote. %(text)s End quote.")


@dataclass(frozen=True)
class Segment:
    id: str
    kind: str
    text: str

    @property
    def words(self):
        return len(self.text.split())

    def chunks(self):
        """The text in pieces of at most MAX_CHUNK_CHARS, cut at sentences, clauses, words."""
        for sentence in SENTENCE_BREAK.split(self.text):
            yield from _pieces(sentence.strip(), MAX_CHUNK_CHARS)


def _pieces(text, limit):
    if len(text) <= limit:
        if text:
            yield text
        return
    parts = CLAUSE_BREAK.split(text)
    if len(parts) == 1:
        parts = text.split()
    piece = ""
    for part in parts:
        if len(part) > limit:
            # A single "word" longer than the limit (a pasted hash or URL): hard cut.
            yield from (part[i : i + limit] for i in range(0, len(part), limit))
            continue
        if piece and len(piece) + 1 + len(part) > limit:
            yield piece
            piece = part
        else:
            piece = f"{piece} {part}" if piece else part
    if piece:
        yield piece


@dataclass(frozen=True)
class Script:
    segments: tuple
    voice: str
    language: str = ""  # the article's edition, whose voice reads it

    @property
    def body(self):
        return [s for s in self.segments if s.kind in BODY_KINDS]

    @property
    def body_words(self):
        return sum(segment.words for segment in self.body)

    @property
    def characters(self):
        return sum(len(segment.text) for segment in self.segments)

    @cached_property
    def hash(self):
        data = {
            "voice": self.voice,
            "speech": speech.VERSION,
            "segments": [[s.id, s.kind, s.text] for s in self.segments],
        }
        return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode()).hexdigest()


def names(people):
    """'A', 'A and B', 'A, B and C' in the active language."""
    people = [str(p) for p in people]
    if len(people) <= 1:
        return "".join(people)
    return gettext("%(first)s and %(last)s") % {"first": ", ".join(people[:-1]), "last": people[-1]}


def sentence(text):
    text = text.strip()
    return text if not text or text[-1] in ".!?…\"'" else f"{text}."


def in_language(language, message, **values):
    """`message` with `values`, in the article's language (the voice's words around the
    article's own: byline, quotes)."""
    with translation.override(language):
        return gettext(message) % {
            name: names(value) if isinstance(value, list) else value
            for name, value in values.items()
        }


def raw_segments(article):
    """(id, kind, text) in reading order, before the lexicon and speech rules."""
    language = article.locale.language_code
    authors = [author.in_language("name", language) for author in article.authors]
    yield "headline", "headline", article.title
    if authors:
        yield "byline", "byline", f"{in_language(language, 'By %(names)s', names=authors)}."
    if article.standfirst:
        yield "standfirst", "standfirst", article.standfirst
    for block in article.get_text_blocks(public=True):  # not a members-only story's rest
        text = block["text"]
        if block["type"] == "paragraph":
            # Rich text with its tags stripped still has its entities (&amp;, &nbsp;).
            text = html.unescape(text)
        if block["type"] == "quote":
            attribution = (block.get("attribution") or "").strip().rstrip(".,;:")
            if attribution:
                text = in_language(language, SAID, who=attribution, text=text)
            else:
                text = in_language(language, QUOTE, text=sentence(text))
        yield block["id"], block["type"], text


def build(article, *, lexicon, voice):
    language = article.locale.language_code
    segments = []
    for segment_id, kind, text in raw_segments(article):
        spoken = speech.prepare(lexicon.apply(text), language)
        if spoken:
            segments.append(Segment(str(segment_id), kind, spoken))
    return Script(tuple(segments), voice, language)
