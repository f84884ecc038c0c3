from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from PIL import Image

from newsdesk.imports.models import ImportRun

FIXTURES = Path(__file__).parent / "fixtures"


def picture(path, size=(640, 360), color=(90, 120, 160), kind="JPEG"):
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, color).save(path, kind)
    return path


@pytest.fixture(autouse=True)
def _import_files(settings, tmp_path):
    settings.IMPORT_FILES_DIR = tmp_path / "import-files"


@pytest.fixture
def uploads(tmp_path):
    """A local copy of the Courier's wp-content/uploads folder."""
    folder = tmp_path / "uploads"
    picture(folder / "2024/03/mill.jpg")
    picture(folder / "2023/11/ines.png", size=(200, 200), color=(200, 10, 10), kind="PNG")
    return folder


def run_command(name, *args):
    out = StringIO()
    call_command(name, *[str(arg) for arg in args], stdout=out)
    return out.getvalue()


def last_run():
    return ImportRun.objects.order_by("-pk").first()


def wxr(*items, site="https://news.example"):
    """A minimal WordPress export holding `items`."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
        'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">'
        f"<channel><title>News</title><link>{site}</link><wp:wxr_version>1.2</wp:wxr_version>"
        f"<wp:base_site_url>{site}</wp:base_site_url>{''.join(items)}</channel></rss>"
    )


def post_item(post_id, title, *, body="<p>Some text.</p>", status="publish", thumbnail=None,
              date="2024-05-01 10:00:00", category="news"):  # fmt: skip
    meta = (
        f"<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>{thumbnail}"
        "</wp:meta_value></wp:postmeta>"
        if thumbnail
        else ""
    )
    return (
        f"<item><title>{title}</title><dc:creator>editor</dc:creator>"
        f"<content:encoded><![CDATA[{body}]]></content:encoded><wp:post_id>{post_id}</wp:post_id>"
        f"<wp:post_date>{date}</wp:post_date><wp:post_date_gmt>{date}</wp:post_date_gmt>"
        f"<wp:post_name>post-{post_id}</wp:post_name><wp:status>{status}</wp:status>"
        f'<wp:post_type>post</wp:post_type><category domain="category" nicename="{category}">'
        f"<![CDATA[{category.title()}]]></category>{meta}</item>"
    )


def attachment_item(post_id, url):
    return (
        f"<item><title>Picture {post_id}</title><wp:post_id>{post_id}</wp:post_id>"
        "<wp:status>inherit</wp:status><wp:post_type>attachment</wp:post_type>"
        f"<wp:attachment_url><![CDATA[{url}]]></wp:attachment_url></item>"
    )


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    return path
