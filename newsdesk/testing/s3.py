"""A real S3 API server for tests and benchmarks: moto's standalone server on a free loopback
port (`moto[server]`, a test dependency), spoken to over HTTP by boto3 as AWS would be.

    with s3_server() as server:
        bucket = server.bucket()                 # a new, empty bucket
        settings.STORAGES = bucket.storages()    # this process stores media in it
        env = bucket.env                         # and so do servers and workers started with env
        bucket.get("narration/1-abc.mp3", Range="bytes=0-99")   # what a reader's browser gets

Each bucket has a name of its own, so tests sharing one server see only their own objects.
"""

import itertools
import json
import logging
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass

import boto3
from botocore.config import Config
from moto.server import ThreadedMotoServer

from newsdesk.testing import free_port, wait_for_port

REGION = "us-east-1"
KEYS = {"aws_access_key_id": "newsdesk-test", "aws_secret_access_key": "newsdesk-test-secret"}
_numbers = itertools.count(1)


@dataclass
class Bucket:
    name: str
    endpoint: str

    @property
    def origin(self):
        """Where readers fetch objects: the bucket's path-style address on the server."""
        return f"{self.endpoint}/{self.name}"

    @property
    def env(self):
        """The settings' environment variables for a process that stores media here."""
        return {
            "AWS_STORAGE_BUCKET_NAME": self.name,
            "AWS_S3_ENDPOINT_URL": self.endpoint,
            "AWS_S3_REGION_NAME": REGION,
            "AWS_S3_ADDRESSING_STYLE": "path",
            "AWS_ACCESS_KEY_ID": KEYS["aws_access_key_id"],
            "AWS_SECRET_ACCESS_KEY": KEYS["aws_secret_access_key"],
            "MEDIA_ORIGIN": self.origin,
            "SERVE_MEDIA": "0",
        }

    def storages(self, current):
        """`current` (settings.STORAGES) with media stored in this bucket, as settings.py
        makes it from `env`."""
        scheme, host = self.origin.split("://", 1)
        options = {
            "bucket_name": self.name,
            "access_key": KEYS["aws_access_key_id"],
            "secret_key": KEYS["aws_secret_access_key"],
            "endpoint_url": self.endpoint,
            "region_name": REGION,
            "addressing_style": "path",
            "url_protocol": f"{scheme}:",
            "custom_domain": host,
        }
        backend = {"BACKEND": "newsdesk.serving.storage.S3MediaStorage", "OPTIONS": options}
        return {**current, "default": backend}

    @property
    def client(self):
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            region_name=REGION,
            config=Config(s3={"addressing_style": "path"}),
            **KEYS,
        )

    def names(self):
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.name)
        return sorted(item["Key"] for page in pages for item in page.get("Contents", ()))

    def get(self, url, **headers):
        """GET a public URL as a browser would (no credentials): (status, headers, body)."""
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
            return response.status, response.headers, response.read()


class S3Server:
    """moto's server: S3, and the other AWS APIs it mocks (CloudFront for purges)."""

    def __init__(self):
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self._server = ThreadedMotoServer(ip_address="127.0.0.1", port=self.port, verbose=False)

    def client(self, service):
        return boto3.client(service, endpoint_url=self.endpoint, region_name=REGION, **KEYS)

    def bucket(self):
        """A new bucket whose public folders anyone may read, by the bucket policy
        deploy/README.md gives (not per-object ACLs, which R2 and newer AWS buckets refuse)."""
        bucket = Bucket(f"newsdesk-media-{next(_numbers)}", self.endpoint)
        bucket.client.create_bucket(Bucket=bucket.name)
        bucket.client.put_bucket_policy(
            Bucket=bucket.name, Policy=json.dumps(public_policy(bucket.name))
        )
        return bucket


def public_policy(name):
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                # The folders readers are sent to (deploy/README.md); documents stay private.
                "Resource": [
                    f"arn:aws:s3:::{name}/{folder}/*"
                    for folder in ("images", "original_images", "narration")
                ],
            }
        ],
    }


@contextmanager
def s3_server():
    server = S3Server()
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # a line per request otherwise
    server._server.start()
    try:
        wait_for_port(server.port)
        yield server
    finally:
        server._server.stop()
