"""Broken, truncated and hostile export files: one clear line (file, where, what), and nothing
imported."""

import io

import pytest
from django.core.management import CommandError

from newsdesk.articles.models import ArticlePage
from newsdesk.imports.files import BareAmpersands
from newsdesk.imports.models import ImportedObject, ImportRun
from newsdesk.imports.tests.conftest import FIXTURES, run_command

pytestmark = pytest.mark.django_db


def fails(command, path, *args):
    pages = ArticlePage.objects.count()
    with pytest.raises(CommandError) as raised:
        run_command(command, path, *args)
    message = str(raised.value)
    assert "\n" not in message
    assert ArticlePage.objects.count() == pages and not ImportedObject.objects.exists()
    assert ImportRun.objects.get().status == ImportRun.Status.INVALID
    return message


def test_a_truncated_export_fails_with_where_it_ends(tmp_path):
    cut = tmp_path / "cut.xml"
    text = (FIXTURES / "courier.xml").read_text()
    cut.write_text(text[: text.index("<title><![CDATA[Staff rota")])  # four posts in, cut
    message = fails("import_wordpress", cut)
    line = text[: text.index("<title><![CDATA[Staff rota")].count("\n") + 1
    assert message.startswith(f"{cut}, line {line}, column ")
    assert "premature end of data" in message.lower() and "cut short" in message


def test_a_malformed_export_says_what_is_wrong_where(tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text(
        '<?xml version="1.0"?>\n<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel>\n'
        "<wp:wxr_version>1.2</wp:wxr_version>\n<item><title>One</titel></item>\n</channel></rss>"
    )
    message = fails("import_wordpress", broken)
    assert message.startswith(f"{broken}, line 4, column ")
    assert "mismatch" in message.lower()


@pytest.mark.parametrize(
    "content",
    [
        # External entity (XXE): would read a file of the server into a post.
        '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/hostname">]>\n'
        '<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2'
        "</wp:wxr_version><item><title>&secret;</title><wp:post_type>post</wp:post_type>"
        "<wp:post_id>1</wp:post_id><wp:status>publish</wp:status></item></channel></rss>",
        # Billion laughs: a few lines that expand to gigabytes.
        '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;">]>\n'
        '<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2'
        "</wp:wxr_version><item><title>&d;</title><wp:post_type>post</wp:post_type>"
        "<wp:post_id>1</wp:post_id><wp:status>publish</wp:status></item></channel></rss>",
    ],
    ids=["xxe", "billion-laughs"],
)
def test_a_document_type_with_entities_is_refused(tmp_path, content):
    hostile = tmp_path / "hostile.xml"
    hostile.write_text(content)
    message = fails("import_wordpress", hostile)
    assert message == (
        f"{hostile}, line 1: the file declares a DTD (<!DOCTYPE ...>); exports have none, and "
        "DTD entities are a known attack, so it is refused."
    )


def test_xml_that_is_not_a_wordpress_export_is_refused(tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text('<?xml version="1.0"?><rss><channel><title>A feed</title></channel></rss>')
    assert "not a WordPress export (no <wp:wxr_version>" in fails("import_wordpress", feed)
    empty = tmp_path / "empty.xml"
    empty.write_text("")
    ImportRun.objects.all().delete()
    assert fails("import_wordpress", empty).endswith("the file is empty")


def test_broken_json_fails_with_line_and_column(tmp_path):
    broken = tmp_path / "ghost.json"
    broken.write_text('{"db": [{"meta": {"version": "5.0.0"},\n  "data": {"posts": [}]}')
    assert fails("import_ghost", broken) == f"{broken}, line 2, column 22: unexpected '}}'"


def test_truncated_json_says_it_is_cut_short(tmp_path):
    cut = tmp_path / "ghost.json"
    text = (FIXTURES / "ghost.json").read_text()
    cut.write_text(text[: len(text) // 2])
    message = fails("import_ghost", cut)
    assert message.startswith(f"{cut}, line ") and "cut short" in message


def test_json_that_is_not_a_ghost_export_is_refused(tmp_path):
    other = tmp_path / "other.json"
    other.write_text('{"items": [{"title": "Not Ghost"}]}')
    assert "not a Ghost export" in fails("import_ghost", other)


def test_bare_ampersands_in_urls_are_read_as_text_and_cdata_is_left_alone():
    raw = b"<a href='x?a=1&b=2'>&amp; &#38; &bogus <![CDATA[ 1 & 2 ]]> &</a>"
    stream, fixed = BareAmpersands(io.BytesIO(raw)), b""
    while chunk := stream.read():
        fixed += chunk
    assert fixed == b"<a href='x?a=1&amp;b=2'>&amp; &#38; &amp;bogus <![CDATA[ 1 & 2 ]]> &amp;</a>"
