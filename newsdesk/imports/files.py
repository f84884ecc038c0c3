"""Reading export files safely and in bounded memory, with one clear line when they are broken.

XML goes through lxml's `iterparse` with entities left unresolved, no network and no DTD: a
document that declares one (the vehicle of "billion laughs" and external-entity attacks) is
refused before any of its content is read. JSON is read by `ijson` as a stream of events, so a
file of any size is never held in memory whole.

Every error is an `ExportError` whose message is one line: the file, where (line and column), and
what is wrong.
"""

import io
import re

import ijson
import ijson.backends.python as ijson_python
from lxml import etree

from newsdesk.core.importing import ExportError, where

CHUNK = 64 * 1024


# XML ----------------------------------------------------------------------------------------


class BareAmpersands(io.RawIOBase):
    """A binary stream that escapes each `&` that starts no entity or character reference.

    WordPress writes some URLs into its exports with raw ampersands (`?a=1&b=2`), which no XML
    parser accepts; lxml's recover mode would, but it also accepts a truncated file without a
    word. So the stream is corrected instead, outside CDATA sections (whose text is literal),
    without adding or removing a line: error positions stay true.
    """

    REFERENCE = re.compile(rb"&(?:#[0-9]{1,8};|#x[0-9a-fA-F]{1,8};|[A-Za-z_][A-Za-z0-9_.-]{0,40};)")
    CDATA_OPEN = b"<![CDATA["
    CDATA_CLOSE = b"]]>"
    LONGEST_REFERENCE = 48

    def __init__(self, raw):
        self.raw = raw
        self.pending = b""
        self.in_cdata = False
        self.done = False

    def readable(self):
        return True

    def readinto(self, buffer):
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def read(self, size=-1):
        while not self.done:
            chunk = self.raw.read(CHUNK)
            final = not chunk
            out, self.pending = self.fix(self.pending + chunk, final=final)
            self.done = final
            if out:
                return out
        return b""

    def fix(self, data, *, final):
        """(corrected bytes, bytes held back until the next chunk shows how they end)."""
        out = bytearray()
        i = 0
        while i < len(data):
            if self.in_cdata:
                end = data.find(self.CDATA_CLOSE, i)
                if end < 0:
                    cut = len(data) if final else max(i, len(data) - len(self.CDATA_CLOSE) + 1)
                    out += data[i:cut]
                    return bytes(out), data[cut:]
                out += data[i : end + len(self.CDATA_CLOSE)]
                i = end + len(self.CDATA_CLOSE)
                self.in_cdata = False
                continue
            opening = data.find(self.CDATA_OPEN, i)
            amp = data.find(b"&", i)
            if opening < 0 and amp < 0:
                cut = len(data) if final else max(i, len(data) - len(self.CDATA_OPEN) + 1)
                out += data[i:cut]
                return bytes(out), data[cut:]
            if opening >= 0 and (amp < 0 or opening < amp):
                out += data[i : opening + len(self.CDATA_OPEN)]
                i = opening + len(self.CDATA_OPEN)
                self.in_cdata = True
                continue
            out += data[i:amp]
            reference = self.REFERENCE.match(data, amp)
            if reference:
                out += reference.group()
                i = reference.end()
            elif not final and len(data) - amp < self.LONGEST_REFERENCE:
                return bytes(out), data[amp:]  # perhaps a reference cut by the chunk's end
            else:
                out += b"&amp;"
                i = amp + 1
        return bytes(out), b""


def xml_events(path, name):
    """("start" | "end", element) for each element of an XML file, parsed with entities,
    network and DTDs refused. The caller clears elements it is done with."""
    try:
        with open(path, "rb") as raw:
            parser = etree.iterparse(
                BareAmpersands(raw),
                events=("start", "end"),
                resolve_entities=False,
                no_network=True,
                load_dtd=False,
                dtd_validation=False,
                huge_tree=True,  # a post's text may pass libxml2's 10 MB default
                remove_pis=True,
            )
            first = True
            for event, element in parser:
                if first:
                    first = False
                    docinfo = element.getroottree().docinfo
                    if docinfo.doctype or docinfo.internalDTD is not None:
                        raise ExportError(
                            f"{where(name, 1)}: the file declares a DTD (<!DOCTYPE ...>); "
                            "exports have none, and DTD entities are a known attack, so it is "
                            "refused."
                        )
                yield event, element
    except etree.XMLSyntaxError as error:
        raise ExportError(xml_error_message(name, error, path)) from None
    except OSError as error:
        raise ExportError(f"{name}: cannot be read ({error.strerror or error}).") from None


LOCATION_SUFFIX = re.compile(r",? line \d+, column \d+$")


def line_count(path):
    with open(path, "rb") as stream:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: stream.read(CHUNK), b"")) + 1


def xml_error_message(name, error, path):
    line, column = error.position if error.position else (error.lineno, None)
    what = LOCATION_SUFFIX.sub("", error.msg or "not well-formed XML").strip()
    if "Premature end" in what or (line and line >= line_count(path)):
        what += " (the file ends there: it looks cut short)"
    if "Document is empty" in what or what.startswith("no element found"):
        what, column = "the file is empty", None
    return f"{where(name, max(line or 1, 1), column)}: {what[:1].lower() + what[1:]}"


def local_name(element):
    """'wp:post_id', 'content:encoded', 'title': the tag with the WXR namespaces as prefixes."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    if not tag.startswith("{"):
        return tag
    namespace, _, local = tag[1:].partition("}")
    if "wordpress.org/export/" in namespace:
        prefix = "excerpt" if namespace.rstrip("/").endswith("excerpt") else "wp"
    elif namespace.startswith("http://purl.org/rss/1.0/modules/content"):
        prefix = "content"
    elif namespace.startswith("http://purl.org/dc/elements"):
        prefix = "dc"
    else:
        return local
    return f"{prefix}:{local}"


def text(element):
    return "".join(element.itertext()).strip() if element is not None else ""


def release(element):
    """Free an element and the siblings parsed before it: memory stays bounded."""
    element.clear()
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


# JSON ---------------------------------------------------------------------------------------


def json_events(path, name):
    """ijson's (prefix, event, value) for a JSON file; errors located by line and column."""
    try:
        with open(path, "rb") as stream:
            yield from ijson.parse(stream, use_float=True)
    except ijson.JSONError:
        raise ExportError(json_error_message(path, name)) from None
    except UnicodeDecodeError:
        raise ExportError(f"{name}: not UTF-8 text, so not a JSON export.") from None
    except OSError as error:
        raise ExportError(f"{name}: cannot be read ({error.strerror or error}).") from None


UNEXPECTED = re.compile(r"Unexpected symbol '(.*)' at (\d+)")


def json_error_message(path, name):
    """Read the file again with ijson's pure-Python parser, which tells the offset of the fault,
    and turn the offset into a line and a column (the fast parser only shows a snippet)."""
    with open(path, "rb") as stream:
        try:
            for _ in ijson_python.basic_parse(stream):
                pass
        except ijson.JSONError as error:
            message = str(error)
        else:
            return f"{name}: not valid JSON."
    found = UNEXPECTED.search(message)
    if found:
        offset, what = int(found.group(2)), f"unexpected {found.group(1)!r}"
    else:
        offset, what = None, "the JSON ends too early (the file looks cut short)"
    line, column = 1, 1
    with open(path, encoding="utf-8", errors="replace") as stream:
        position = 0
        for text_line in stream:
            if offset is not None and position + len(text_line) > offset:
                column = offset - position + 1
                break
            position += len(text_line)
            line += 1
            column = len(text_line) + 1
        else:
            line = max(1, line - 1)
    return f"{where(name, line, column)}: {what}"
