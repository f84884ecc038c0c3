"""Purges fan out to every front-end cache the environment names: several nginx purge servers
(one per web machine) and CloudFront (moto's API server on loopback); Cloudflare's settings."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from newsdesk.serving.purge import purge_now
from newsdesk.settings import frontend_caches
from newsdesk.testing.s3 import s3_server


def test_every_nginx_in_frontend_cache_url_is_purged(purge_server, settings, monkeypatch):
    first, second = purge_server(), purge_server()
    monkeypatch.setenv(
        "FRONTEND_CACHE_URL",
        f"http://127.0.0.1:{first.server_port}, http://127.0.0.1:{second.server_port}",
    )
    settings.WAGTAILFRONTENDCACHE = frontend_caches()
    purge_now(["/world/"])
    for server in (first, second):
        assert sorted(path for _, path in server.received) == ["/world/", "/world/?*"]


def test_cloudfront_gets_an_invalidation_of_the_paths(settings, monkeypatch):
    settings.SITE_URL = "https://news.example.org"
    with s3_server() as server:
        monkeypatch.setenv("AWS_ENDPOINT_URL_CLOUDFRONT", server.endpoint)
        monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
        monkeypatch.setenv("CLOUDFRONT_ACCESS_KEY_ID", "newsdesk-test")
        monkeypatch.setenv("CLOUDFRONT_SECRET_ACCESS_KEY", "newsdesk-test-secret")
        client = server.client("cloudfront")
        distribution = client.create_distribution(DistributionConfig=DISTRIBUTION)
        monkeypatch.setenv("CLOUDFRONT_DISTRIBUTION_ID", distribution["Distribution"]["Id"])
        settings.WAGTAILFRONTENDCACHE = frontend_caches()
        assert list(settings.WAGTAILFRONTENDCACHE) == ["cloudfront"]
        purge_now(["/world/", "/"])
        listing = client.list_invalidations(DistributionId=distribution["Distribution"]["Id"])
        [summary] = listing["InvalidationList"]["Items"]
        invalidation = client.get_invalidation(
            DistributionId=distribution["Distribution"]["Id"], Id=summary["Id"]
        )
        paths = invalidation["Invalidation"]["InvalidationBatch"]["Paths"]["Items"]
        assert sorted(paths) == ["/", "/?*", "/world/", "/world/?*"]


def test_cloudflare_needs_its_token_and_takes_exact_urls(monkeypatch):
    monkeypatch.setenv("CLOUDFLARE_ZONE_ID", "0123456789abcdef")
    with pytest.raises(ImproperlyConfigured, match="CLOUDFLARE_API_TOKEN"):
        frontend_caches()
    monkeypatch.setenv("CLOUDFLARE_API_TOKEN", "a-token")
    assert frontend_caches()["cloudflare"] == {
        "BACKEND": "newsdesk.serving.purge.CloudflareBackend",
        "ZONEID": "0123456789abcdef",
        "BEARER_TOKEN": "a-token",
    }


def test_a_frontend_cache_url_that_is_no_url_is_refused(monkeypatch):
    monkeypatch.setenv("FRONTEND_CACHE_URL", "http://127.0.0.1:8081,127.0.0.1:8082")
    with pytest.raises(ImproperlyConfigured, match="127.0.0.1:8082"):
        frontend_caches()


DISTRIBUTION = {
    "CallerReference": "newsdesk-test",
    "Comment": "",
    "Enabled": True,
    "Origins": {
        "Quantity": 1,
        "Items": [
            {
                "Id": "web",
                "DomainName": "origin.news.example.org",
                "CustomOriginConfig": {
                    "HTTPPort": 80,
                    "HTTPSPort": 443,
                    "OriginProtocolPolicy": "https-only",
                },
            }
        ],
    },
    "DefaultCacheBehavior": {
        "TargetOriginId": "web",
        "ViewerProtocolPolicy": "redirect-to-https",
        "MinTTL": 0,
        "ForwardedValues": {"QueryString": True, "Cookies": {"Forward": "none"}},
        "TrustedSigners": {"Enabled": False, "Quantity": 0},
    },
}
