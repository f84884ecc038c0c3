"""Email addresses as readers type them, turned into one canonical form or refused.

The canonical form is what makes a subscriber unique: no surrounding space, the local part in
lower case (every mailbox provider readers use treats it case-insensitively), and the domain as
Unicode (IDNA UTS #46), so `Reader@Пример.УКР` and `reader@xn--e1afmkfd.xn--j1amh` are one
subscriber. `ascii_address()` gives the form mail servers are sent.
"""

import unicodedata

import idna
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

# RFC 5321 limits a path to 256 octets, which leaves 254 for the address itself.
MAX_LENGTH = 254
INVALID = gettext_lazy("Please enter a valid email address")
TOO_LONG = format_lazy(
    gettext_lazy("That address is too long: an email address has at most {limit} characters."),
    limit=MAX_LENGTH,
)
# Controls, separators, surrogates, private use and unassigned code points; format characters
# (joiners) are left to IDNA, which allows them only where a script needs them.
FORBIDDEN = {"Cc", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"}
NON_LATIN_LOCAL_PART = gettext_lazy(
    "Please enter an address with only Latin letters, digits and punctuation before the @."
)


def normalise(value):
    """The canonical form of `value`, or ValidationError with a message for the reader."""
    value = unicodedata.normalize("NFC", (value or "").strip())
    if len(value) > MAX_LENGTH:
        raise ValidationError(TOO_LONG, code="too_long")
    # Control characters (CR/LF above all) would let an address smuggle in mail headers.
    if not value or any(unicodedata.category(char) in FORBIDDEN for char in value):
        raise ValidationError(INVALID, code="invalid")
    local, at, domain = value.rpartition("@")
    if not at or not local:
        raise ValidationError(INVALID, code="invalid")
    if not local.isascii():
        raise ValidationError(NON_LATIN_LOCAL_PART, code="non_ascii_local_part")
    try:
        ascii_domain = idna.encode(domain, uts46=True).decode("ascii")
        unicode_domain = idna.decode(ascii_domain)
    except (idna.IDNAError, UnicodeError):
        raise ValidationError(INVALID, code="invalid") from None
    if "." not in ascii_domain:  # a bare host name such as "localhost" is no public mailbox
        raise ValidationError(INVALID, code="invalid")
    try:
        validate_email(f"{local}@{ascii_domain}")
    except ValidationError:
        raise ValidationError(INVALID, code="invalid") from None
    address = f"{local.lower()}@{unicode_domain}"
    if len(address) > MAX_LENGTH or len(f"{local}@{ascii_domain}") > MAX_LENGTH:
        raise ValidationError(TOO_LONG, code="too_long")
    return address


def ascii_address(address):
    """`address` (canonical) with its domain in the ASCII form SMTP servers expect."""
    local, _, domain = address.rpartition("@")
    if domain.isascii():
        return address
    return f"{local}@{idna.encode(domain, uts46=True).decode('ascii')}"


def single_line(value):
    """Refuse line breaks and other control characters: they would break out of a mail header."""
    if any(char in value for char in "\r\n\x00\x0b\x0c\x85\u2028\u2029"):
        raise ValidationError("Line breaks are not allowed here.", code="line_break")
