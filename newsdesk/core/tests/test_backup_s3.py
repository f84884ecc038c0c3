"""Backups of a site whose media is in an S3 bucket (moto's S3 API server on loopback): the
bucket's objects go into the archive, and a restore makes the bucket hold exactly them again."""

import hashlib
import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command

from newsdesk.conftest import make_image

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def bucket(s3_bucket):
    return s3_bucket


def contents(bucket):
    client = bucket.client
    return {
        name: hashlib.sha256(
            client.get_object(Bucket=bucket.name, Key=name)["Body"].read()
        ).hexdigest()
        for name in bucket.names()
    }


def test_it_backs_up_and_restores_the_buckets_objects(bucket, tmp_path):
    image = make_image()
    default_storage.save("narration/7-abc.mp3", ContentFile(b"ID3" + bytes(5000)))
    before = contents(bucket)
    assert image.file.name in before
    archive = tmp_path / "site.tar.gz"
    call_command("backup", output=str(archive), stdout=io.StringIO())

    default_storage.delete("narration/7-abc.mp3")
    default_storage.save("narration/8-new.mp3", ContentFile(b"made after the backup"))
    call_command("restore", str(archive), yes=True, stdout=io.StringIO())
    assert contents(bucket) == before
