"""Post bodies to blocks: shortcodes and captions, embeds, hostile HTML, classic-editor text."""

import pytest

from newsdesk.articles.models import ArticlePage
from newsdesk.imports.markup import add_paragraphs, embed_url
from newsdesk.imports.models import ImportItem
from newsdesk.imports.tests.conftest import picture, post_item, run_command, write, wxr

pytestmark = pytest.mark.django_db


def imported_body(tmp_path, body, media=None):
    export = write(tmp_path, "export.xml", wxr(post_item(1, "A story", body=body)))
    args = ["--media-dir", media] if media else []
    run_command("import_wordpress", export, *args)
    page = ArticlePage.objects.get(title="A story")
    return [(block.block_type, block.value) for block in page.body]


@pytest.mark.parametrize(
    ("url", "embed"),
    [
        ("https://youtu.be/aqz-KE-bpKQ", "https://www.youtube.com/watch?v=aqz-KE-bpKQ"),
        ("https://www.youtube.com/embed/aqz-KE-bpKQ?rel=0", "https://www.youtube.com/watch?v=aqz-KE-bpKQ"),
        ("https://www.youtube.com/shorts/aqz-KE-bpKQ", "https://www.youtube.com/watch?v=aqz-KE-bpKQ"),
        ("https://player.vimeo.com/video/76979871?h=1", "https://vimeo.com/76979871"),
        ("https://x.com/kyivindependent/status/1234567890", "https://twitter.com/kyivindependent/status/1234567890"),
        ("https://www.instagram.com/reel/C1a2B3c4D5e/?igsh=x", "https://www.instagram.com/reel/C1a2B3c4D5e/"),
        ("https://www.youtube.com/watch?v=<script>", None),
        ("https://evil.example/embed/aqz-KE-bpKQ", None),
        ("javascript:alert(1)", None),
    ],
)  # fmt: skip
def test_embed_addresses_are_recognised(url, embed):
    assert embed_url(url) == embed


def test_classic_editor_text_gets_its_paragraphs():
    text = "First line\nsame paragraph.\n\n<h2>A heading</h2>\n\nSecond paragraph."
    assert add_paragraphs(text) == (
        "<p>First line<br>\nsame paragraph.</p>\n<h2>A heading</h2>\n<p>Second paragraph.</p>"
    )


def test_shortcodes_become_pictures_and_embeds_or_are_removed_and_listed(tmp_path):
    media = tmp_path / "uploads"
    picture(media / "2024/05/dam.jpg")
    body = (
        '[caption id="attachment_9" caption="The dam at noon"]<img src="https://news.example/'
        'wp-content/uploads/2024/05/dam-300x200.jpg" alt="Dam">[/caption]\n\n'
        "[youtube https://www.youtube.com/watch?v=aqz-KE-bpKQ]\n\n"
        "[vimeo 76979871]\n\n"
        "[tweet https://twitter.com/newsroom/status/111222333]\n\n"
        "[su_note]A note inside an unknown shortcode[/su_note]\n\n"
        "Words in brackets [sic] stay, [[gallery]] is written as text.\n\n"
        '[poll id="3"]'
    )
    blocks = imported_body(tmp_path, body, media)
    assert [kind for kind, _ in blocks] == [
        "image", "embed", "embed", "embed", "paragraph", "paragraph",
    ]  # fmt: skip
    assert blocks[0][1]["caption"] == "The dam at noon"
    assert blocks[0][1]["image"].alt_text == "Dam"
    assert [value.url for _, value in blocks[1:4]] == [
        "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
        "https://vimeo.com/76979871",
        "https://twitter.com/newsroom/status/111222333",
    ]
    assert blocks[4][1].source == "<p>A note inside an unknown shortcode</p>"
    assert (
        blocks[5][1].source == "<p>Words in brackets [sic] stay, [gallery] is written as text.</p>"
    )
    reason = ImportItem.objects.get(source_id="1").reason
    assert "shortcode [poll] removed" in reason and "shortcode [su_note] removed" in reason


def test_hostile_html_is_removed(tmp_path):
    body = (
        '<p onclick="steal()">Read <a href="javascript:alert(1)">this</a> and '
        '<a href=" JaVaScRiPt:alert(2)">that</a>.<script>alert(3)</script></p>'
        '<style>body{display:none}</style><iframe src="https://tracker.example/x"></iframe>'
        '<p><img src="x" onerror="alert(4)"><b style="color:red">Bold</b></p>'
        '<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/'
        'Cabc123/"><a href="https://www.instagram.com/p/Cabc123/">A post</a></blockquote>'
    )
    blocks = imported_body(tmp_path, body)
    assert [(kind, getattr(value, "source", value)) for kind, value in blocks] == [
        ("paragraph", "<p>Read this and that.</p>"),
        ("paragraph", "<p><b>Bold</b></p>"),
        ("embed", blocks[2][1]),
    ]
    assert blocks[2][1].url == "https://www.instagram.com/p/Cabc123/"
    reason = ImportItem.objects.get(source_id="1").reason
    assert "an embedded frame from tracker.example removed" in reason


def test_more_headings_than_an_article_allows_become_bold_paragraphs(tmp_path):
    blocks = imported_body(tmp_path, "".join(f"<h3>Part {n}</h3>" for n in range(1, 33)))
    assert [kind for kind, _ in blocks].count("heading") == 30
    assert blocks[-1][1].source == "<p><b>Part 32</b></p>"
