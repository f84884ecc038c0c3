"""`manage.py feed_post`: scripts and bots post through the admin form's code path."""

import pytest
from django.core.management import CommandError, call_command

from newsdesk.livefeed.models import FeedItem

pytestmark = pytest.mark.django_db


def test_it_posts_an_update_with_a_link_and_a_pin(article_factory, capsys):
    article = article_factory(title="Grain ships leave Izmail")
    call_command("feed_post", "Three ships left overnight", "--link", article.url, "--pin")
    item = FeedItem.objects.get()
    assert item.plain_text == "Three ships left overnight"
    assert item.article == article and item.pinned and item.author is None
    assert item.revisions.count() == 1
    assert f"Posted feed item {item.pk}" in capsys.readouterr().out


def test_it_posts_as_a_user_with_their_permissions(reporter):
    call_command("feed_post", "From the field", "--user", "reporter")
    assert FeedItem.objects.get().author == reporter
    with pytest.raises(CommandError, match="only editors can"):
        call_command("feed_post", "Pin me", "--pin", "--user", "reporter")
    with pytest.raises(CommandError, match="No active user named 'nobody'"):
        call_command("feed_post", "Who?", "--user", "nobody")
    assert FeedItem.objects.count() == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["  "], "Write the update before posting."),
        (["x" * 700], "Keep updates to 600 characters; this one has 700."),
        (["Fine text", "--link", "https://example.com/elsewhere/"], "not a published article"),
    ],
)
def test_it_explains_what_is_wrong_and_posts_nothing(args, message):
    with pytest.raises(CommandError, match=message):
        call_command("feed_post", *args)
    assert not FeedItem.objects.exists()


def test_it_keeps_markup_in_the_text_as_text():
    call_command("feed_post", "<script>alert(1)</script> & <b>bold?</b>")
    item = FeedItem.objects.get()
    assert "<script>" not in item.text and "&lt;script&gt;" in item.text
