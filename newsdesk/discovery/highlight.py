"""Search snippets: the passage that matched, with the reader's words marked.

Done in Python rather than by the database so that SQLite and PostgreSQL show the same thing and
everything is escaped in one place: text is escaped piece by piece, only `<mark>` is ours.
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

# Endings cut so that "restored" also marks "restore" and "restores", as PostgreSQL's stemmer
# matches them; a stem keeps at least three letters.
SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ers", "er", "ed", "es", "e", "s", "ly")
MIN_STEM = 3


def stem(word):
    word = word.casefold()
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


def term_pattern(words):
    """A regex matching any word that starts with the stem of one of `words`, or None."""
    stems = sorted({stem(word) for word in words if word}, key=len, reverse=True)
    if not stems:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(s) for s in stems) + r")\w*", re.IGNORECASE)


def highlight(text, pattern):
    """`text` escaped, with every match of `pattern` in <mark>."""
    if pattern is None:
        return escape(text)
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[last : match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))  # noqa: S308 (every piece is escaped above)


def cut(text, start, length):
    """About `length` characters of `text` from `start`, on word boundaries, with ellipses."""
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 30 else start
    end = start + length
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return prefix, text[start:end].strip(), suffix


def snippet(passages, pattern, length=240, lead=70):
    """The passage with the most different matching words, cut around its first match, marked.

    When nothing matches (the words were in the headline or the tags), the first passage.
    """
    passages = [p for p in passages if p and p.strip()]
    if not passages:
        return ""
    chosen, start, best = passages[0], 0, 0
    if pattern is not None:
        for passage in passages:
            matches = list(pattern.finditer(passage))
            found = len({match.group().casefold() for match in matches})
            if found > best:
                chosen, start, best = passage, max(0, matches[0].start() - lead), found
    prefix, text, suffix = cut(chosen, start, length)
    return mark_safe(f"{prefix}{highlight(text, pattern)}{suffix}")  # noqa: S308
