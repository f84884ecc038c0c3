"""Signed-in readers and members get reader pages from the page cache like everyone else;
nothing about one reader is in a cached page, and their own pages are never cached."""

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from newsdesk.conftest import make_article
from newsdesk.members import signin
from newsdesk.members.models import Membership, Reader

pytestmark = pytest.mark.django_db(transaction=True)


def member_client():
    reader = Reader.objects.create(email="cached.member@example.org")
    Membership.objects.create(reader=reader, status="active", amount=500)
    response = HttpResponse()
    signin.sign_in(response, reader)
    client = Client()
    client.cookies.update(response.cookies)
    assert client.cookies[signin.MEMBER_COOKIE].value == "1"
    return client


def test_a_signed_in_member_gets_the_same_cached_page_as_anyone(section):
    article = make_article(section, title="Shared from the cache")
    member = member_client()

    first = member.get(article.url)
    anonymous = Client().get(article.url)
    again = member.get(article.url)

    assert (first["X-Cache"], anonymous["X-Cache"], again["X-Cache"]) == ("MISS", "HIT", "HIT")
    assert first.content == anonymous.content == again.content
    assert b"cached.member@example.org" not in first.content
    assert "public" in again["Cache-Control"]


def test_support_page_is_cached_and_the_same_for_members(section, settings):
    settings.STRIPE_SECRET_KEY = "sk_test_configured"  # kept only once payments are set up
    member = member_client()
    assert member.get(reverse("members:support"))["X-Cache"] == "MISS"
    assert Client().get(reverse("members:support"))["X-Cache"] == "HIT"


def test_the_reader_own_pages_are_never_cached(section):
    member = member_client()
    for url in (reverse("members:account"), reverse("members:status")):
        for _ in range(2):
            response = member.get(url)
            assert "X-Cache" not in response
            assert "private" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert b"cached.member@example.org" in member.get(reverse("members:account")).content
