"""Backup and restore round trip: what a site holds is identical afterwards."""

import hashlib
import io
import os
import stat
import tarfile
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import CommandError, call_command
from django.core.serializers import serialize

from newsdesk.conftest import make_article, make_author, make_image, paragraphs
from newsdesk.narration.models import Narration
from newsdesk.narration.tasks import request_narration
from newsdesk.newsletters.models import Newsletter, Subscriber, Subscription

pytestmark = pytest.mark.django_db(transaction=True)

# Tables whose rows change by themselves (sessions, task results written by the tests' tasks).
VOLATILE = {"sessions.session", "django_tasks_db.dbtaskresult", "wagtailsearch.indexentry"}


def database_snapshot():
    snapshot = {}
    for model in apps.get_models():
        label = model._meta.label_lower
        if label in VOLATILE or model._meta.proxy:
            continue
        rows = model._default_manager.order_by("pk")
        snapshot[label] = serialize("json", rows)
    return snapshot


def media_snapshot():
    root = Path(settings.MEDIA_ROOT)
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_it_restores_pages_images_and_media_identically(section, tmp_path, client):
    author = make_author("Iryna Koval")
    image = make_image(caption="A bridge at night.", photographer="Iryna Koval")
    article = make_article(
        section,
        title="Bridge reopens",
        authors=[author],
        lead_image=image,
        tags=["kyiv"],
        body=paragraphs("Traffic is moving again."),
    )
    client.get(article.url)  # renditions are media too
    audio = Path(settings.MEDIA_ROOT) / "narrations" / "bridge.mp3"
    audio.parent.mkdir(parents=True, exist_ok=True)
    audio.write_bytes(b"ID3" + bytes(range(256)) * 40)
    request_narration(article=article)  # real synthesis, run at once by the tests' task backend
    narration = Narration.objects.get(article=article)
    assert narration.audio and Path(narration.audio.path).exists()
    brief = Newsletter.objects.create(slug="brief", name="The Morning Brief")
    for email in ("reader@example.org", "listener@example.net"):
        subscriber = Subscriber.objects.create(email=email)
        Subscription.objects.create(
            subscriber=subscriber, newsletter=brief, status=Subscription.Status.CONFIRMED
        )

    before_db, before_media = database_snapshot(), media_snapshot()
    archive = tmp_path / "site.tar.gz"
    call_command("backup", output=str(archive), stdout=io.StringIO())

    article.unpublish()
    article.delete()
    image.delete()
    make_article(section, title="Written after the backup")
    audio.unlink()
    assert not Path(narration.audio.path).exists()  # deleting the article removed its audio
    Subscriber.objects.all().delete()
    (Path(settings.MEDIA_ROOT) / "stray.txt").write_text("not in the backup")

    call_command("restore", str(archive), yes=True, stdout=io.StringIO())

    assert media_snapshot() == before_media
    after_db = database_snapshot()
    assert after_db.keys() == before_db.keys()
    for label in before_db:
        assert after_db[label] == before_db[label], f"{label} differs after restore"
    html = client.get("/news/bridge-reopens-" + article.slug.rsplit("-", 1)[1] + "/")
    assert html.status_code == 200 and "A bridge at night." in html.content.decode()
    assert narration.audio.url in html.content.decode()  # the audio is back and played
    assert Subscription.objects.filter(status="confirmed").count() == 2


def test_it_writes_archives_only_their_owner_can_read(tmp_path):
    permissive = os.umask(0o022)
    try:
        call_command("backup", output=str(tmp_path / "backups"), stdout=io.StringIO())
    finally:
        os.umask(permissive)
    (archive,) = (tmp_path / "backups").glob("newsdesk-*.tar.gz")
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600


def test_it_refuses_archives_that_are_not_backups(tmp_path):
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"not a tar file at all")
    with pytest.raises(CommandError, match="not a tar archive"):
        call_command("restore", str(junk), yes=True)

    evil = tmp_path / "evil.tar.gz"
    with tarfile.open(evil, "w:gz") as tar:
        data = b'{"format": 1, "database": {"vendor": "sqlite", "file": "x"}, "media": true}'
        info = tarfile.TarInfo("manifest.json")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
        escape = tarfile.TarInfo("../../escaped.txt")
        escape.size = 1
        tar.addfile(escape, io.BytesIO(b"x"))
    with pytest.raises(CommandError, match="Restore failed"):
        call_command("restore", str(evil), yes=True)
    assert not (tmp_path.parent.parent / "escaped.txt").exists()


def test_it_asks_before_replacing_a_site(tmp_path):
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(tmp_path / "any.tar.gz"))
