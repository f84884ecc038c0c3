import pytest

from newsdesk.conftest import make_author, paragraphs
from newsdesk.narration import script
from newsdesk.narration.lexicon import Lexicon
from newsdesk.narration.script import MAX_CHUNK_CHARS, Segment

pytestmark = pytest.mark.django_db
VOICE = "test-voice"


def build(article, entries=()):
    return script.build(article, lexicon=Lexicon(entries), voice=VOICE)


def test_it_reads_headline_byline_standfirst_then_the_body(article_factory, image, related_to):
    article = article_factory(
        title="Grid holds",
        standfirst="Engineers kept the lights on.",
        authors=[make_author("Olena Marchuk"), make_author("Taras Hnatyuk")],
        body=[
            ("paragraph", "<p>First <b>bold</b> paragraph.</p>"),
            ("image", {"image": image, "caption": "A caption nobody hears", "credit": ""}),
            ("heading", "What next"),
            ("related_story", related_to),
            ("embed", "https://www.youtube.com/watch?v=aqz-KE-bpKQ"),
            ("quote", {"text": "We will rebuild", "attribution": "Ihor Tkachenko, engineer"}),
            ("quote", {"text": "Nobody said this", "attribution": ""}),
        ],
        corrections=["A correction nobody hears."],
    )
    spoken = build(article)
    assert [(s.id, s.kind, s.text) for s in spoken.segments[:3]] == [
        ("headline", "headline", "Grid holds."),
        ("byline", "byline", "By Olena Marchuk and Taras Hnatyuk."),
        ("standfirst", "standfirst", "Engineers kept the lights on."),
    ]
    body = spoken.body
    assert [s.kind for s in body] == ["paragraph", "heading", "quote", "quote"]
    assert [s.id for s in body] == [b["id"] for b in article.get_text_blocks()]
    assert body[0].text == "First bold paragraph."
    assert body[2].text == "Ihor Tkachenko, engineer, said: We will rebuild."
    assert body[3].text == "Quote. Nobody said this. End quote."
    everything = " ".join(s.text for s in spoken.segments)
    for left_out in ("caption", "correction", related_to.title, "youtube"):
        assert left_out not in everything


@pytest.fixture
def related_to(article_factory):
    return article_factory(title="Another story entirely")


def test_it_reads_html_entities_as_characters(article_factory):
    article = article_factory(body=[("paragraph", "<p>Fish &amp; chips&nbsp;today &lt;3</p>")])
    assert build(article).body[0].text == "Fish and chips today <3."


def test_it_leaves_out_the_byline_without_authors(article_factory):
    assert [s.id for s in build(article_factory()).segments[:2]] == ["headline", "standfirst"]


def test_it_applies_the_lexicon_before_the_speech_rules(article_factory):
    article = article_factory(body=paragraphs("Kyiv paid ₴5m to UNHCR."))
    spoken = build(article, [("Kyiv", "KEE-iv"), ("UNHCR", "U N H C R")])
    assert spoken.body[0].text == "keeiv paid 5 million hrivnyas to U N H C R."


def test_its_hash_follows_the_spoken_text_voice_and_lexicon(article_factory):
    article = article_factory(body=paragraphs("In Kyiv today.", "Second paragraph."))
    same = build(article).hash
    assert build(article).hash == same
    assert script.build(article, lexicon=Lexicon([]), voice="other").hash != same
    assert build(article, [("Kyiv", "KEE-iv")]).hash != same
    assert build(article, [("Lviv", "LVIV")]).hash == same
    article.body = paragraphs("In Kyiv today.", "Second paragraph, changed.")
    assert build(article).hash != same


def test_it_cuts_long_sentences_at_clauses_and_words():
    clause = "the crews worked on the line for many hours without a break"
    text = ", ".join([clause] * 30) + ". Short one. Then " + "word " * 300
    pieces = list(Segment("x", "paragraph", text.strip()).chunks())
    assert all(0 < len(piece) <= MAX_CHUNK_CHARS for piece in pieces)
    assert "Short one." in pieces
    assert " ".join(pieces).split() == text.split()


def test_it_hard_cuts_a_word_longer_than_a_chunk():
    pieces = list(Segment("x", "paragraph", "a" * 1000).chunks())
    assert [len(p) for p in pieces] == [400, 400, 200]
