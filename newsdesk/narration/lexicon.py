"""The pronunciation lexicon: newsroom terms and how the voice should say them.

Matching is whole-word and case-aware: a term written in lower case ("hryvnia") matches any
capitalisation, a term with capitals ("US", "Kyiv") matches only that spelling, so "US" leaves
"us" alone. Respellings in the newsroom style, syllables joined by hyphens with the stressed one
in capitals ("KEE-iv"), are handed to the voice as one lower-case word, because voices read
"KEE" and "iv" as letters and a Roman numeral.
"""

import re

RESPELLING = re.compile(r"^[^\W\d_]+(?:-[^\W\d_]+)+$")


def spoken_form(say):
    """What the voice is given for a lexicon entry's "say" text."""
    say = " ".join(say.split())
    words = [
        word.replace("-", "").lower() if RESPELLING.match(word) else word for word in say.split()
    ]
    return " ".join(words)


def term_pattern(term):
    """A regex source matching `term` as a whole word, case-aware (see the module docstring)."""
    body = re.escape(term)
    if term == term.lower():
        body = f"(?i:{body})"
    return rf"(?<!\w){body}(?!\w)"


def find_term(term, text):
    return re.search(term_pattern(term), text) is not None


class Lexicon:
    def __init__(self, entries):
        """`entries`: (term, say) pairs."""
        # Longest first, so "Zaporizhzhia region" wins over "Zaporizhzhia"; then exact-case
        # terms before any-case ones.
        self.entries = sorted(
            ((term.strip(), spoken_form(say)) for term, say in entries if term.strip()),
            key=lambda entry: (-len(entry[0]), entry[0] == entry[0].lower(), entry[0]),
        )
        self.pattern = None
        if self.entries:
            self.pattern = re.compile(
                "|".join(
                    f"(?P<t{i}>{term_pattern(term)})" for i, (term, _) in enumerate(self.entries)
                )
            )

    def __bool__(self):
        return bool(self.entries)

    def apply(self, text):
        if self.pattern is None:
            return text
        return self.pattern.sub(lambda m: self.entries[int(m.lastgroup[1:])][1], text)
