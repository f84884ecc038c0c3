"""Reporters' document uploads are held for an editor: readers cannot open them until an editor
moves them out of the "Awaiting review" collection (Wagtail's collection permissions and view
restrictions, set up by migration accounts 0003)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.models import Collection

pytestmark = pytest.mark.django_db

Document = get_document_model()
PDF = b"%PDF-1.4 the council's draft budget"


def upload(client, title, **extra):
    data = {"title": title, "file": SimpleUploadedFile("budget.pdf", PDF), **extra}
    return client.post("/admin/documents/add/", data)


def fetch(client, document):
    response = client.get(document.url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, body


@pytest.fixture
def review():
    return Collection.objects.get(name="Awaiting review")


def test_a_reporters_upload_waits_until_an_editor_moves_it(client, reporter, editor, review):
    root = Collection.get_first_root_node()
    client.force_login(reporter)
    # The review collection is the only one a reporter may add to, whatever the form says.
    assert upload(client, "Budget draft", collection=root.pk).status_code == 302
    document = Document.objects.get()
    assert document.collection == review

    reader = Client()
    status, body = fetch(reader, document)
    assert status == 302 and "login" in reader.get(document.url)["Location"]
    assert PDF not in body
    assert reader.get(f"/media/{document.file.name}").status_code == 404
    assert fetch(client, document) == (200, PDF)  # the newsroom sees it

    client.force_login(editor)
    edit = f"/admin/documents/edit/{document.pk}/"
    response = client.post(edit, {"title": "Budget draft", "collection": root.pk})
    assert response.status_code == 302
    assert fetch(reader, document) == (200, PDF)


def test_reporters_cannot_approve_their_own_upload(client, reporter, review):
    root = Collection.get_first_root_node()
    client.force_login(reporter)
    upload(client, "Budget draft")
    document = Document.objects.get()
    client.post(f"/admin/documents/edit/{document.pk}/", {"title": "Mine", "collection": root.pk})
    document.refresh_from_db()
    assert document.collection == review
    assert fetch(Client(), document)[0] == 302


def test_editors_uploads_are_public_at_once(client, editor):
    root = Collection.get_first_root_node()
    client.force_login(editor)
    assert upload(client, "Annual report", collection=root.pk).status_code == 302
    assert fetch(Client(), Document.objects.get()) == (200, PDF)
