"""Written news text -> text an English voice reads the way a newsreader would.

Neural voices (and the espeak-ng phonemizer in front of Piper) read "€5m" as "euros five m",
"4.10 in the morning" as "four point one zero", "Dr. Smith" as two sentences and Cyrillic as a
list of letter names. `prepare()` rewrites those forms into plain words before synthesis. Forms
the voice already reads well ("1,200", "72%", "3rd", "11:46") are left alone.

Bump VERSION whenever the output of `prepare()` changes for some input: it is part of every
narration's hash, so the change regenerates exactly the narrations it affects on next publish.
"""

import re
import unicodedata

VERSION = 1

# fmt: off
ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen"]
TENS = ["_", "ten", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORDINAL_ONES = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
                "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"]
ORDINAL_TENS = ["_", "tenth", "twentieth", "thirtieth"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
# fmt: on
MONTH_ABBREVIATIONS = {m[:3]: m for m in MONTHS} | {"Sept": "September"}


def cardinal(n):
    """0-99 in words: 46 -> "forty-six"."""
    if n < 20:
        return ONES[n]
    tens, ones = divmod(n, 10)
    return TENS[tens] + (f"-{ONES[ones]}" if ones else "")


def ordinal(n):
    """1-31 in words: 4 -> "fourth", 23 -> "twenty-third"."""
    if n < 20:
        return ORDINAL_ONES[n]
    tens, ones = divmod(n, 10)
    return f"{TENS[tens]}-{ORDINAL_ONES[ones]}" if ones else ORDINAL_TENS[tens]


def year(y):
    """How a newsreader says a year: 1991 "nineteen ninety-one", 2005 "two thousand five",
    2026 "twenty twenty-six", 1900 "nineteen hundred", 1905 "nineteen oh five"."""
    if 2000 <= y <= 2009:
        return "two thousand" + (f" {ONES[y - 2000]}" if y > 2000 else "")
    high, low = divmod(y, 100)
    if low == 0:
        return f"{cardinal(high)} hundred"
    if low < 10:
        return f"{cardinal(high)} oh {ONES[low]}"
    return f"{cardinal(high)} {cardinal(low)}"


def decade(y):
    """1990 -> "nineteen nineties", 2000 -> "two thousands", 1900 -> "nineteen hundreds"."""
    if y % 100 == 0:
        return "two thousands" if y == 2000 else f"{cardinal(y // 100)} hundreds"
    return f"{cardinal(y // 100)} {plural_tens(y % 100)}"


def plural_tens(n):
    word = TENS[n // 10]
    return word[:-1] + "ies" if word.endswith("y") else word + "s"


def clock(hours, minutes):
    """4, 10 -> "four ten"; 4, 5 -> "four oh five"; 4, 0 -> "four o'clock"."""
    if minutes == 0:
        return f"{cardinal(hours)} o'clock"
    if minutes < 10:
        return f"{cardinal(hours)} oh {ONES[minutes]}"
    return f"{cardinal(hours)} {cardinal(minutes)}"


# --- Unicode ---------------------------------------------------------------------------------

# Ukrainian (the newsroom's second language) by the national transliteration, where some letters
# are written differently at the start of a word (Yevhen, Kyiv); then Russian and Belarusian.
CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": ("ye", "ie"),
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": ("yi", "i"), "й": ("y", "i"), "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": ("yu", "iu"),
    "я": ("ya", "ia"), "ъ": "", "ы": "y", "э": "e", "ё": "yo", "ў": "u",
}  # fmt: skip
# fmt: off
GREEK = dict(zip(
    "αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ",
    ["a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p", "r", "s",
     "s", "t", "y", "f", "ch", "ps", "o", "a", "e", "i", "i", "o", "y", "o", "i", "y", "i", "y"],
    strict=True,
))
# fmt: on
# Latin letters an English voice knows from loanwords keep their accents; rarer ones lose them,
# because the voice spells out what it does not know ("Gdańsk" -> "G-dansk").
KEEP_ACCENTS = set("éèêëàâäçïîôöüûùñÉÈÊËÀÂÄÇÏÎÔÖÜÛÙÑ")
LATIN_EXTRA = {"ß": "ss", "æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L",
               "đ": "d", "Đ": "D", "œ": "oe", "Œ": "Oe", "ı": "i", "þ": "th", "ð": "d"}  # fmt: skip
PUNCTUATION = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\u2033": '"',
    "\u2026": "...", "\u2010": "-", "\u2011": "-", "\u2212": "-", "\u00a0": " ", "\u2009": " ",
    "\u202f": " ", "\u2007": " ", "\u2060": "", "\u00ad": "", "\u2116": "number ",
}  # fmt: skip


def transliterate(char, word_start):
    lower = char.lower()
    for table in (CYRILLIC, GREEK):
        if lower in table:
            latin = table[lower]
            if isinstance(latin, tuple):
                latin = latin[0] if word_start else latin[1]
            return latin.capitalize() if char != lower else latin
    return None


def clean_unicode(text):
    """Keep what an English voice can say: Latin letters, digits, punctuation, currency.

    Cyrillic and Greek are transliterated; other scripts, emoji, control and format characters
    (zero-width spaces, bidi marks) are dropped, so the voice never reads out character names.
    """
    out = []
    for char in unicodedata.normalize("NFC", text):
        word_start = not out or not out[-1][-1:].isalpha()
        if char in PUNCTUATION:
            out.append(PUNCTUATION[char])
            continue
        if char.isascii():
            out.append(char if char.isprintable() or char in "\n\t" else " ")
            continue
        category = unicodedata.category(char)
        if category.startswith("Z"):
            out.append(" ")
        elif category.startswith("L"):
            if char in KEEP_ACCENTS:
                out.append(char)
            elif char in LATIN_EXTRA:
                out.append(LATIN_EXTRA[char])
            elif (latin := transliterate(char, word_start)) is not None:
                out.append(latin)
            elif unicodedata.name(char, "").startswith("LATIN"):
                base = unicodedata.normalize("NFKD", char)
                out.append("".join(c for c in base if c.isascii()))
            # Letters of other scripts: silence rather than "Chinese letter, Chinese letter".
        elif category == "Nd":
            out.append(str(unicodedata.digit(char)))
        elif category in {"Sc", "Pd", "Ps", "Pe", "Po", "Pi", "Pf", "No"} or char in "×÷±°":
            out.append(char)
        # Emoji and other symbols (So, Sk), marks left after NFC (Mn), controls (Cc, Cf),
        # private use and unassigned code points (Co, Cn, Cs) are dropped.
    return "".join(out)


# --- Rules -----------------------------------------------------------------------------------

CURRENCIES = {
    "$": ("dollar", "dollars"),
    "US$": ("dollar", "dollars"),
    "€": ("euro", "euros"),
    "£": ("pound", "pounds"),
    # Spelled as it sounds: the voice reads "hryvnia" as "H-ryvnia".
    "₴": ("hrivnya", "hrivnyas"),
    "UAH": ("hrivnya", "hrivnyas"),
    "¥": ("yen", "yen"),
}
SCALES = {
    "k": "thousand", "thousand": "thousand", "m": "million", "mn": "million",
    "million": "million", "bn": "billion", "billion": "billion", "tn": "trillion",
    "trillion": "trillion",
}  # fmt: skip
UNITS = {
    "km/h": ("kilometer per hour", "kilometers per hour"),
    "kph": ("kilometer per hour", "kilometers per hour"),
    "mph": ("mile per hour", "miles per hour"),
    "kWh": ("kilowatt-hour", "kilowatt-hours"),
    "MWh": ("megawatt-hour", "megawatt-hours"),
    "GWh": ("gigawatt-hour", "gigawatt-hours"),
    "TWh": ("terawatt-hour", "terawatt-hours"),
    "kW": ("kilowatt", "kilowatts"),
    "MW": ("megawatt", "megawatts"),
    "GW": ("gigawatt", "gigawatts"),
    "km": ("kilometer", "kilometers"),
    "sq km": ("square kilometer", "square kilometers"),
    "kg": ("kilogram", "kilograms"),
    "cm": ("centimeter", "centimeters"),
    "mm": ("millimeter", "millimeters"),
    "ha": ("hectare", "hectares"),
    "°C": ("degree Celsius", "degrees Celsius"),
    "°F": ("degree Fahrenheit", "degrees Fahrenheit"),
}
# Abbreviations whose full stop would end the sentence in the voice's eyes.
TITLES = {
    "Dr": "Doctor", "Mr": "Mister", "Mrs": "Missus", "Ms": "Miz", "Prof": "Professor",
    "Gen": "General", "Col": "Colonel", "Lt": "Lieutenant", "Sgt": "Sergeant",
    "Capt": "Captain", "Gov": "Governor", "Sen": "Senator", "Rev": "Reverend", "St": "Saint",
}  # fmt: skip
ABBREVIATIONS = {
    "e.g.": "for example", "i.e.": "that is", "etc.": "et cetera", "vs.": "versus",
    "v.": "versus", "approx.": "approximately", "incl.": "including", "est.": "established",
}  # fmt: skip
NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
MONTH_NAMES = "|".join(MONTHS)
MONTH_SHORT = "|".join(sorted(MONTH_ABBREVIATIONS, key=len, reverse=True))
TIME_WORDS = r"(?:a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b|in the (?:morning|afternoon|evening))"
SENTENCE_END = re.compile(r"\s+[A-Z\"']|\s*$")


def _end_of_sentence(match):
    """True when an abbreviation's full stop also ends its sentence."""
    return bool(SENTENCE_END.match(match.string, match.end()))


def _currency(match):
    amount, scale = match["amount"], match["scale"]
    singular, plural = CURRENCIES[match["cur"] or match["cur_after"]]
    words = [amount]
    if scale:
        words.append(SCALES.get(scale.lower(), scale))
    words.append(singular if amount == "1" and not scale else plural)
    return " ".join(words)


def _unit(match):
    singular, plural = UNITS[match["unit"]]
    return f"{match['amount']} {singular if match['amount'] == '1' else plural}"


def _clock(match):
    hours, minutes = int(match["h"]), int(match["m"])
    suffix = (match["suffix"] or "").lower()
    if suffix.startswith(("a.m", "am")):
        suffix = " AM"
    elif suffix.startswith(("p.m", "pm")):
        suffix = " PM"
    elif suffix:
        suffix = f" {match['suffix']}"
    stop = "." if match["suffix"].endswith(".") and _end_of_sentence(match) else ""
    return f"{match['lead']}{clock(hours, minutes)}{suffix}{stop}"


def _day_month(match):
    day = int(match["day"])
    if not 1 <= day <= 31:
        return match[0]
    return f"{match['month']} {ordinal(day)}"


def _month_day(match):
    day = int(match["day"])
    month = MONTH_ABBREVIATIONS.get(match["month"], match["month"])
    if not 1 <= day <= 31:
        return match[0]
    return f"{month} {ordinal(day)}"


def _iso_date(match):
    y, m, d = int(match["y"]), int(match["m"]), int(match["d"])
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return match[0]
    return f"{MONTHS[m - 1]} {ordinal(d)}, {year(y)}"


def _abbreviation(match):
    words = ABBREVIATIONS[match[0].lower()]
    return words + ("." if _end_of_sentence(match) else "")


def _initialism(match):
    letters = match[0].replace(".", "")
    return letters + ("." if _end_of_sentence(match) else "")


def _clock_hour(match):
    hour = int(match[1])
    if not 0 < hour <= 12:
        return match[0]
    suffix = "AM" if match[2].startswith("a") else "PM"
    return f"{cardinal(hour)} {suffix}" + ("." if _end_of_sentence(match) else "")


RULES = [
    # Links: the host is what a listener can use ("example dot org").
    (re.compile(r"https?://(?:www\.)?([^/\s]+)\S*"), r"\1"),
    # Money: "€5m" -> "5 million euros", "$1" -> "1 dollar", "200 UAH" -> "200 hrivnyas".
    (
        re.compile(
            rf"(?P<cur>US\$|[$€£₴¥])\s?(?P<amount>{NUMBER})(?:\s?(?P<scale>bn|tn|mn|m|k|"
            rf"thousand|million|billion|trillion)\b)?(?P<cur_after>)"
        ),
        _currency,
    ),
    (
        re.compile(
            rf"(?P<cur>)(?P<amount>{NUMBER})(?:\s?(?P<scale>bn|m|million|billion))?\s?"
            r"(?P<cur_after>UAH)\b"
        ),
        _currency,
    ),
    (re.compile(rf"\b(?P<amount>{NUMBER})\s?(?P<scale>bn|tn)\b"), r"\g<amount> \g<scale>illion"),
    # Units after a number: "5 km" -> "5 kilometers".
    (
        re.compile(
            rf"\b(?P<amount>{NUMBER})\s?(?P<unit>"
            + "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
            + r")(?![\w/])"
        ),
        _unit,
    ),
    # Clock times: "4.10 in the morning", "at 10.17", "10:30 p.m.".
    (
        re.compile(
            rf"(?P<lead>)\b(?P<h>[01]?\d|2[0-4])[.:](?P<m>[0-5]\d)\s?(?P<suffix>{TIME_WORDS})"
        ),
        _clock,
    ),
    (
        re.compile(
            r"(?P<lead>\b(?i:at|by|until|till|from|before|after|since|around|about) )"
            r"(?P<h>[01]?\d|2[0-4])\.(?P<m>[0-5]\d)\b(?![.,]\d)(?P<suffix>)"
        ),
        _clock,
    ),
    (re.compile(r"\b(\d{1,2})\s?(a\.m\.|p\.m\.)"), _clock_hour),
    # Dates: "4 March" / "March 4" / "Mar. 4th" -> "March fourth"; "2026-03-04".
    (re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"), _iso_date),
    (
        re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<month>{MONTH_NAMES})\b"),
        _day_month,
    ),  # fmt: skip
    (
        re.compile(
            rf"\b(?P<month>{MONTH_NAMES}|{MONTH_SHORT})\.? (?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
            r"\b(?![.,:]?\d)"
        ),
        _month_day,
    ),
    # Decades and years: "1990s", "'90s", "1991", "2026".
    (re.compile(r"(?<![\d,.])\b(1[1-9]|20)(\d)0s\b"), lambda m: decade(int(m[0][:4]))),
    (re.compile(r"'(\d)0s\b"), lambda m: plural_tens(int(m[1]) * 10)),
    (re.compile(r"(\d)\s?[–—]\s?(\d)"), r"\1 to \2"),
    (re.compile(r"\b(1[89]\d\d|20\d\d)-(1[89]\d\d|20\d\d)\b"), r"\1 to \2"),
    (
        re.compile(r"(?<![\d,.$€£₴/])\b(1[1-9]\d\d|20[1-9]\d)\b(?![.,]\d|\s?%|\s?per)"),
        lambda m: year(int(m[1])),
    ),
    (re.compile(r"\b24/7\b"), "twenty-four seven"),
    # Abbreviations whose full stop is not the end of a sentence.
    (re.compile(r"\b(" + "|".join(TITLES) + r")\.(?=\s+[A-Z])"), lambda m: TITLES[m[1]]),
    (
        re.compile(
            r"(?<!\w)(" + "|".join(re.escape(a) for a in ABBREVIATIONS) + r")(?!\w)",
            re.IGNORECASE,
        ),
        _abbreviation,
    ),
    (re.compile(r"\bNos?\.\s?(?=\d)"), "number "),
    (re.compile(r"\b(?:[A-Z]\.){2,}(?!\w)"), _initialism),
    # Symbols and punctuation the voice reads aloud or ignores.
    (re.compile(r"\s&\s"), " and "),
    (re.compile(r"(?<!\w)#(?=\w)"), ""),
    (re.compile(r"\s+[–—-]\s+|[—–]"), ", "),
    (re.compile(r"\.{3,}"), "..."),
    (re.compile(r"\s+([,.;:!?])"), r"\1"),
    (re.compile(r"[ \t\r\f\v]+"), " "),
]


# What no voice should read, in any language: symbols and emoji, control and format characters.
NEVER_READ = {"So", "Sk", "Cc", "Cf", "Co", "Cn", "Cs"}


def prepare(text, language="en"):
    """Text as the voice should read it, on one line, ending in sentence punctuation.

    The rules above are for an English voice. Another edition's voice reads its own script,
    numbers and dates (espeak-ng speaks them in the voice's language), so its text keeps them:
    only what no voice should read is dropped.
    """
    if language == "en":
        text = clean_unicode(text)
        for pattern, replacement in RULES:
            text = pattern.sub(replacement, text)
    else:
        text = "".join(
            " " if char.isspace() else char
            for char in unicodedata.normalize("NFC", text)
            if char.isspace() or unicodedata.category(char) not in NEVER_READ
        )
        text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = " ".join(text.split())
    if text and text[-1] not in ".!?…:;\"'":
        text += "."
    return text if any(c.isalnum() for c in text) else ""
