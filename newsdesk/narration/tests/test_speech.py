import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.narration.speech import clean_unicode, decade, prepare, year


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("It cost €5m.", "It cost 5 million euros."),
        ("A $3.2bn loan.", "A 3.2 billion dollars loan."),
        ("Bread costs ₴40, 1 euro ₴45.", "Bread costs 40 hrivnyas, 1 euro 45 hrivnyas."),
        ("€1 and 300 UAH", "1 euro and 300 hrivnyas."),
        ("The call came at 4.10 in the morning.", "The call came at four ten in the morning."),
        ("By 4.40 the crew had left.", "By four forty the crew had left."),
        ("At 10.05 on Wednesday", "At ten oh five on Wednesday."),
        ("It starts at 10:30 p.m. Free.", "It starts at ten thirty PM. Free."),
        ("Doors open at 9 a.m. on Friday.", "Doors open at nine AM on Friday."),
        ("On 4 March 2026.", "On March fourth twenty twenty-six."),
        ("Since Mar. 5th, prices rose.", "Since March fifth, prices rose."),
        ("Filed 2026-03-04.", "Filed March fourth, twenty twenty-six."),
        ("In the 1990s and the '90s.", "In the nineteen nineties and the nineties."),
        ("From 2014–2022.", "From twenty fourteen to twenty twenty-two."),
        ("In 1991-1994.", "In nineteen ninety-one to nineteen ninety-four."),
        ("Pages 10–12.", "Pages 10 to 12."),
        ("In 1991 and mid-2025.", "In nineteen ninety-one and mid-twenty twenty-five."),
        ("1,200 homes and 72% of them.", "1,200 homes and 72% of them."),
        ("Dr. Smith met Prof. Kovalenko.", "Doctor Smith met Professor Kovalenko."),
        ("Tools, e.g. spades, etc. Then rain.", "Tools, for example spades, et cetera. Then rain."),
        ("No. 5 and the U.S. embassy. The U.S. Then", "number 5 and the US embassy. The US. Then."),
        ("5 km, 1 km, 400 MW.", "5 kilometers, 1 kilometer, 400 megawatts."),
        ("12 kWh at 90 km/h", "12 kilowatt-hours at 90 kilometers per hour."),
        ("It was -5°C.", "It was -5 degrees Celsius."),
        ("Open 24/7 & free — really.", "Open twenty-four seven and free, really."),
        ("See https://www.example.org/a?b=1 now", "See example.org now."),
        ("#energy", "energy."),
        ("A headline without a full stop", "A headline without a full stop."),
        ("“Quoted,” she said…", '"Quoted," she said...'),
    ],
)  # fmt: skip
def test_it_reads_numbers_dates_and_abbreviations_naturally(written, spoken):
    assert prepare(written) == spoken


def test_it_says_years_and_decades_as_newsreaders_do():
    assert year(1991) == "nineteen ninety-one"
    assert year(2005) == "two thousand five"
    assert year(2026) == "twenty twenty-six"
    assert year(1900) == "nineteen hundred"
    assert year(1905) == "nineteen oh five"
    assert decade(1980) == "nineteen eighties"
    assert decade(2000) == "two thousands"


def test_it_transliterates_cyrillic_and_greek():
    assert clean_unicode("Київ, Євген, Ярослава") == "Kyiv, Yevhen, Yaroslava"
    assert clean_unicode("Ελλάδα") == "Ellada"


def test_it_drops_what_a_voice_would_spell_out():
    text = "Hi\u200b there 🙂 北京 مرحبا \u202eok\u202c \x07bell\ufeff"
    assert clean_unicode(text) == "Hi there    ok  bell"
    assert prepare(text) == "Hi there ok bell."


def test_it_simplifies_rare_latin_letters_and_keeps_common_accents():
    assert clean_unicode("Gdańsk, Chișinău, Łódź, Straße, café, naïve") == (
        "Gdansk, Chisinau, Lodz, Strasse, café, naïve"
    )


@pytest.mark.parametrize("text", ["", "   ", "🙂🙂", "\u200b\u200b", "— … —"])
def test_it_returns_nothing_for_text_without_words(text):
    assert prepare(text) == ""


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_it_turns_any_text_into_printable_text_or_nothing(text):
    spoken = prepare(text)
    assert spoken == spoken.strip()
    assert all(char.isprintable() for char in spoken)
    assert spoken == "" or (spoken[-1] in ".!?…:;\"'" and any(c.isalnum() for c in spoken))
