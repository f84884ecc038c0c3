"""`manage.py import_wordpress`: a WordPress export becomes articles, people, sections, tags and
pictures, with a redirect from every old address; a second run changes nothing."""

from datetime import UTC, datetime

import pytest
from django.core.management import CommandError
from django.db import connection
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Revision

from newsdesk.articles.models import ArticlePage, SectionPage
from newsdesk.conftest import make_article, make_section
from newsdesk.core.models import NewsImage
from newsdesk.imports.models import ImportedObject, ImportItem
from newsdesk.imports.tests.conftest import FIXTURES, last_run, run_command
from newsdesk.people.models import Author

pytestmark = pytest.mark.django_db
COURIER = FIXTURES / "courier.xml"


def import_courier(*args, export=COURIER):
    return run_command("import_wordpress", export, *args)


def article(title):
    return ArticlePage.objects.get(title=title)


def test_it_maps_a_post_with_its_byline_section_tags_photo_and_seo(uploads):
    import_courier("--media-dir", uploads)
    river = article("River rises past the old mill")
    assert river.live and river.slug == "river-rises"
    assert river.get_parent().specific.title == "Weather & Climate"  # the first category
    assert river.get_parent().slug == "weather"
    assert (
        river.standfirst == "The river rose by two metres overnight, the highest level since 1998."
    )
    assert river.first_published_at == datetime(2024, 3, 5, 7, 30, tzinfo=UTC)
    assert river.last_published_at == datetime(2024, 3, 6, 8, 0, tzinfo=UTC)
    assert river.published_at == datetime(2024, 3, 5, 7, 30, tzinfo=UTC)
    assert [a.name for a in river.authors] == ["Mara Kowalczyk", "Ines Duarte"]
    assert list(river.tags.names()) == ["Flooding"]
    assert river.lead_image.alt_text == "Brown water around the mill wheel"
    assert river.lead_image_caption == "Water reached the mill wheel before dawn."
    assert river.lead_image_credit == "Ines Duarte/VCour"
    assert river.seo_title == "River at record level"
    assert river.search_description == "The river rose two metres overnight; Mill Lane is closed."

    ines = Author.objects.get(name="Ines Duarte")  # a Co-Authors Plus guest author
    assert ines.bio == "Ines photographs the valley's farms and writes about water."
    assert ines.photo is not None and ines.photo.file.name.endswith(".png")
    assert Author.objects.get(name="Tom Reed").slug == "tom-reed"


def test_imported_articles_and_pictures_are_found_by_search(uploads):
    import_courier("--media-dir", uploads)
    river = article("River rises past the old mill")
    assert list(ArticlePage.objects.live().search("river mill")) == [river]
    picture = river.lead_image
    assert picture.width and picture.height and picture.file_size
    found = NewsImage.objects.search(picture.title)
    assert picture in list(found)
    revision = river.latest_revision.as_object()
    assert [a.name for a in revision.authors] == ["Mara Kowalczyk", "Ines Duarte"]
    assert list(revision.tags.names()) == ["Flooding"]


def test_it_turns_the_body_into_blocks(uploads):
    import_courier("--media-dir", uploads)
    river = article("River rises past the old mill")
    blocks = [(block.block_type, block.value) for block in river.body]
    assert [kind for kind, _ in blocks] == [
        "paragraph", "image", "heading", "paragraph", "embed", "quote", "paragraph", "paragraph",
    ]  # fmt: skip
    assert blocks[0][1].source == (
        "<p>The river rose by two metres overnight, the <b>highest level</b> since 1998.<br/> "
        "Sandbags went up along Mill Lane before dawn.</p>"
    )
    image = blocks[1][1]
    assert image["caption"] == "The mill wheel at six in the morning."
    assert image["image"] == river.lead_image  # the thumbnail is the same file: stored once
    assert NewsImage.objects.count() == 2
    assert blocks[2][1] == "What the council says"
    assert blocks[4][1].url == "https://www.youtube.com/watch?v=aqz-KE-bpKQ"
    assert blocks[5][1]["text"] == "We have never moved the cattle this early."
    assert blocks[5][1]["attribution"] == "Anna Berg, farmer"
    assert blocks[6][1].source == "<p>• Mill Lane: closed</p>"
    assert blocks[7][1].source == "<p>• Station Road: <i>open</i></p>"
    item = ImportItem.objects.get(source_id="10")
    assert "shortcode [contact-form-7] removed" in item.reason


def test_it_keeps_each_posts_status(uploads):
    import_courier("--media-dir", uploads)
    draft = article("Notes for the budget story")
    assert not draft.live and draft.first_published_at is None
    assert draft.slug == "notes-for-the-budget-story"
    scheduled = article("Spring fair opens next month")
    assert not scheduled.live
    assert scheduled.go_live_at == datetime(2099, 4, 1, 8, 0, tzinfo=UTC)
    assert scheduled.latest_revision.approved_go_live_at == scheduled.go_live_at
    private = article("Staff rota")
    assert not private.live
    assert "private in WordPress" in ImportItem.objects.get(source_id="14").reason
    assert not ArticlePage.objects.filter(title="Deleted test post").exists()
    skipped = {i.source_id: i.reason for i in ImportItem.objects.filter(outcome="skipped")}
    assert skipped == {
        "15": "in WordPress's trash",
        "17": "a WordPress page: the site has no page type for it",
    }


def test_a_post_without_author_category_or_picture_imports_with_what_it_has(uploads):
    import_courier("--media-dir", uploads)
    letter = article("A letter, unsigned")
    assert letter.live
    assert letter.get_parent().slug == "archive"
    assert letter.authors == [] and letter.lead_image is None
    assert letter.standfirst == "A reader wrote about the potholes on Church Street."
    reason = ImportItem.objects.get(source_id="16").reason
    assert "no author" in reason and "no category" in reason


def test_pictures_missing_from_the_folder_are_reported_not_fatal(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    output = import_courier("--media-dir", empty)
    river = article("River rises past the old mill")
    assert river.live and river.lead_image is None
    assert "image" not in [block.block_type for block in river.body]
    assert (
        "not in the media folder (2024/03/mill.jpg)"
        in ImportItem.objects.get(source_id="10").reason
    )
    assert "pictures: 3 missing" in output


def test_every_old_address_answers_301_to_the_new_one(client, uploads):
    import_courier("--media-dir", uploads)
    river, bridge = (
        article("River rises past the old mill"),
        article("Bridge closed after inspection"),
    )
    assert river.url == "/weather/river-rises/"
    expected = {
        "/2024/03/05/river-rises/": river.url,
        "/2024/03/river-rises/": river.url,
        "/river-rises/": river.url,
        "/?p=10": river.url,
        "/2024/03/06/bridge-closed/": bridge.url,
        "/category/weather/": "/weather/",
        "/category/local/council/": "/council/",
        "/category/weather/feed/": "/feeds/weather/",
        "/tag/flooding/": "/tags/flooding/",
        "/author/mara/": "/authors/mara-kowalczyk/",
        "/author/tom-reed/": "/authors/tom-reed/",
        "/author/ines-duarte/": "/authors/ines-duarte/",
        "/author/mara/feed/": "/feeds/authors/mara-kowalczyk/",
        "/feed/": "/feeds/latest/",
        "/feed/atom/": "/feeds/latest/atom/",
        "/?feed=rss2": "/feeds/latest/",
    }
    for old, new in expected.items():
        response = client.get(old)
        assert (old, response.status_code, response["Location"]) == (old, 301, new)
    assert client.get("/?p=12").status_code == 200  # a draft had no public address
    page = client.get(river.url)
    assert page.status_code == 200
    assert b"Mara Kowalczyk" in page.content and b"Ines Duarte" in page.content


def test_links_between_posts_point_to_the_new_pages(client, uploads):
    import_courier("--media-dir", uploads)
    river, bridge = (
        article("River rises past the old mill"),
        article("Bridge closed after inspection"),
    )
    # The river links forward to the bridge, which did not exist yet when the river was written.
    links = river.body[3].value.source
    assert f'<a linktype="page" id="{bridge.pk}">bridge was closed</a>' in links
    assert '<a href="https://elsewhere.example/report">' in links
    assert f'<a linktype="page" id="{river.pk}">the river rose</a>' in bridge.body[1].value.source
    assert not ImportedObject.objects.filter(links_pending=True).exists()
    assert f'href="{bridge.url}"'.encode() in client.get(river.url).content


def counts():
    models = (Revision, Redirect, NewsImage, Author, Tag, SectionPage, ImportedObject)
    return [model.objects.count() for model in models]


def test_a_second_run_changes_nothing(uploads):
    import_courier("--media-dir", uploads)
    before = counts()
    output = import_courier("--media-dir", uploads)
    assert last_run().report["counts"]["post"] == {"unchanged": 6, "skipped": 1}  # the trash
    assert "articles: 1 skipped, 6 unchanged" in output
    assert counts() == before


def test_a_newer_export_updates_only_what_changed(tmp_path, uploads):
    import_courier("--media-dir", uploads)
    newer = tmp_path / "newer.xml"
    newer.write_text(COURIER.read_text().replace("Engineers closed", "Engineers shut"))
    import_courier("--media-dir", uploads, export=newer)
    assert last_run().report["counts"]["post"] == {"updated": 1, "unchanged": 5, "skipped": 1}
    bridge = article("Bridge closed after inspection")
    assert bridge.live and "Engineers shut" in bridge.body[0].value.source
    assert bridge.first_published_at == datetime(2024, 3, 6, 12, 0, tzinfo=UTC)


def test_duplicate_slugs_are_resolved_without_losing_a_post(home, tmp_path, uploads):
    weather = make_section(home, "Weather")
    existing = make_article(weather, title="An older story")
    ArticlePage.objects.filter(pk=existing.pk).update(slug="river-rises")
    twin = tmp_path / "twin.xml"
    twin.write_text(  # the bridge story, put in the same section with the same slug
        COURIER.read_text()
        .replace("<![CDATA[bridge-closed]]>", "<![CDATA[river-rises]]>")
        .replace('nicename="council"><![CDATA[Council]]>', 'nicename="weather"><![CDATA[W]]>')
    )
    import_courier("--media-dir", uploads, export=twin)
    slugs = ArticlePage.objects.child_of(weather).filter(slug__startswith="river")
    assert sorted(slugs.values_list("slug", flat=True)) == [
        "river-rises", "river-rises-2", "river-rises-3",
    ]  # fmt: skip
    assert article("River rises past the old mill").slug == "river-rises-2"
    assert article("Bridge closed after inspection").slug == "river-rises-3"


REFUSE_SQLITE = """
CREATE TRIGGER refuse_redirect BEFORE INSERT ON wagtailredirects_redirect
WHEN NEW.old_path LIKE '%%bridge-closed%%' BEGIN SELECT RAISE(ABORT, 'disk full'); END
"""
REFUSE_POSTGRESQL = [
    """CREATE FUNCTION refuse_redirect() RETURNS trigger AS $$
    BEGIN RAISE EXCEPTION 'disk full'; END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER refuse_redirect BEFORE INSERT ON wagtailredirects_redirect FOR EACH ROW
    WHEN (NEW.old_path LIKE '%%bridge-closed%%') EXECUTE FUNCTION refuse_redirect()""",
]
ALLOW = {"sqlite": ["DROP TRIGGER refuse_redirect"],
         "postgresql": ["DROP TRIGGER refuse_redirect ON wagtailredirects_redirect",
                        "DROP FUNCTION refuse_redirect()"]}  # fmt: skip


def test_a_post_that_fails_leaves_nothing_half_made_and_the_rest_goes_on(uploads):
    # The database refuses the bridge's redirects: written last in its transaction, after the
    # page and its revisions.
    statements = [REFUSE_SQLITE] if connection.vendor == "sqlite" else REFUSE_POSTGRESQL
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    import_courier("--media-dir", uploads)
    failed = ImportItem.objects.get(source_id="11")
    assert failed.outcome == "failed" and "disk full" in failed.reason
    assert not ArticlePage.objects.filter(title="Bridge closed after inspection").exists()
    assert not Revision.objects.filter(object_str="Bridge closed after inspection").exists()
    assert not ImportedObject.objects.filter(kind="post", source_id="11").exists()
    assert article("River rises past the old mill").live
    assert last_run().report["counts"]["post"]["created"] == 5

    with connection.cursor() as cursor:
        for statement in ALLOW[connection.vendor]:
            cursor.execute(statement)
    import_courier("--media-dir", uploads)  # the next run finishes the job
    assert last_run().report["counts"]["post"] == {"created": 1, "unchanged": 5, "skipped": 1}
    bridge = article("Bridge closed after inspection")
    river = article("River rises past the old mill")
    assert f'<a linktype="page" id="{bridge.pk}">' in river.body[3].value.source


def test_a_dry_run_reports_and_changes_nothing(uploads):
    pages, redirects = ArticlePage.objects.count(), Redirect.objects.count()
    output = import_courier("--media-dir", uploads, "--dry-run")
    assert "Checked (nothing changed)" in output
    assert "articles: 6 created" in output and "sections: 4 created" in output
    assert "shortcodes removed: [contact-form-7] x1" in output
    assert (ArticlePage.objects.count(), Redirect.objects.count()) == (pages, redirects)
    assert not ImportedObject.objects.exists() and not NewsImage.objects.exists()


def test_a_section_map_chooses_the_sections(uploads):
    import_courier("--media-dir", uploads, "--section-map", "weather=news", "*=news")
    parents = {page.get_parent().slug for page in ArticlePage.objects.all()}
    assert parents == {"news"}
    assert SectionPage.objects.get(slug="news").title == "News"
    with pytest.raises(CommandError, match="--section-map 'weather': write CATEGORY=SECTION"):
        import_courier("--section-map", "weather")
