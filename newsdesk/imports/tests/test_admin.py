"""Settings > Import: administrators upload, read the dry-run report, start, keep the report."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from newsdesk.articles.models import ArticlePage
from newsdesk.imports.models import ImportRun
from newsdesk.imports.tests.conftest import FIXTURES

pytestmark = pytest.mark.django_db


def upload(client, name="courier.xml", content=None, **fields):
    content = content if content is not None else (FIXTURES / "courier.xml").read_bytes()
    data = {"source": "wordpress", "file": SimpleUploadedFile(name, content), **fields}
    return client.post("/admin/imports/", data)


def test_only_administrators_may_import(client, editor, superuser):
    client.force_login(editor)
    refused = client.get("/admin/imports/")  # Wagtail turns the refusal into a message
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    assert b"/admin/imports/" not in client.get("/admin/").content
    client.force_login(superuser)
    assert client.get("/admin/imports/").status_code == 200
    assert b"/admin/imports/" in client.get("/admin/").content  # the Settings menu


def test_upload_check_start_and_report(
    client, superuser, settings, django_capture_on_commit_callbacks
):
    client.force_login(superuser)
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, section_map="*=archive")
    run = ImportRun.objects.get()
    assert response["Location"] == f"/admin/imports/{run.pk}/"
    run.refresh_from_db()
    assert run.status == ImportRun.Status.READY and run.created_by == superuser
    stored = settings.IMPORT_FILES_DIR / run.file_path
    assert stored.is_file()
    page = client.get(f"/admin/imports/{run.pk}/").content.decode()
    assert "articles: 6 created, 1 skipped" in page and "Start the import" in page
    assert not ArticlePage.objects.exists()  # checked, nothing changed

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/imports/{run.pk}/start/")
    run.refresh_from_db()
    assert run.status == ImportRun.Status.FINISHED and run.percent == 100
    assert not stored.exists()  # drafts and addresses do not stay on the server
    assert {page.get_parent().slug for page in ArticlePage.objects.all()} == {"archive"}
    page = client.get(f"/admin/imports/{run.pk}/").content.decode()
    assert "articles: 6 created, 1 skipped" in page and "Old and new addresses (CSV)" in page
    river = ArticlePage.objects.get(title="River rises past the old mill")
    assert f'<a href="{river.url}">River rises past the old mill</a>' in page

    # A second press of Start (another tab, a double click) starts nothing.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/imports/{run.pk}/start/")
    assert ImportRun.objects.get().status == ImportRun.Status.FINISHED
    assert run.items.filter(source_id="10").count() == 1

    csv = client.get(f"/admin/imports/{run.pk}/urls.csv")
    assert csv["Content-Type"] == "text/csv"
    lines = csv.content.decode().splitlines()
    assert lines[0] == "old_path,new_url,kind,title,outcome"
    assert (
        "/2024/03/05/river-rises,http://localhost/archive/river-rises/,post,"
        "River rises past the old mill,created"
    ) in lines


def test_a_broken_file_shows_why_and_imports_nothing(
    client, superuser, django_capture_on_commit_callbacks
):
    client.force_login(superuser)
    broken = (FIXTURES / "courier.xml").read_bytes()[:3000]
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, content=broken)
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.INVALID
    page = client.get(f"/admin/imports/{run.pk}/").content.decode()
    assert "courier.xml, line " in page and "cut short" in page
    assert "Start the import" not in page
    assert client.post(f"/admin/imports/{run.pk}/start/").status_code == 302
    assert ImportRun.objects.get().status == ImportRun.Status.INVALID
    assert not ArticlePage.objects.exists()


def test_the_form_says_what_is_missing(client, superuser):
    client.force_login(superuser)
    page = upload(client, name="export.json").content.decode()
    assert "Expected a .xml file." in page
    data = {"source": "subscribers", "file": SimpleUploadedFile("list.csv", b"email\n")}
    page = client.post("/admin/imports/", data).content.decode()
    assert "Choose the newsletter they subscribe to." in page
    assert not ImportRun.objects.exists()
