"""The demo newsroom's live feed: the updates in `data/feed.toml`, posted as reporters would.

Invented, like the rest of the demo. Each update is looked up by its text first, so loading
again changes nothing and a newsroom's own updates are never touched. The demo app does this,
not livefeed: lower apps do not know the demo exists.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from newsdesk.articles.models import ArticlePage, SectionPage
from newsdesk.demo import content
from newsdesk.livefeed import services
from newsdesk.livefeed.models import FeedItem


def paragraph(text):
    return f"<p>{text}</p>"


class FeedLoader:
    def __init__(self):
        self.now = timezone.now()
        users = get_user_model().objects.filter(username__in=["editor", "reporter"])
        self.users = {user.username: user for user in users}
        self.created = 0

    def author(self, n):
        return self.users.get("reporter" if n % 3 else "editor")

    def load(self, n, spec):
        final = paragraph(spec["text"])
        before = paragraph(spec["before"]) if spec.get("before") else None
        if FeedItem.objects.filter(text__in=[t for t in (final, before) if t]).exists():
            return
        article_slug, section_slug = spec.get("article"), spec.get("section")
        article = ArticlePage.objects.filter(slug=article_slug).first() if article_slug else None
        published_at = self.now - timedelta(hours=spec["hours_ago"])
        item = services.post_item(
            text=before or final,
            author=self.users.get("editor") if spec.get("pinned") else self.author(n),
            article=article,
            section=SectionPage.objects.filter(slug=section_slug).first() if section_slug else None,
            image=article.lead_image if article and spec.get("image") else None,
            pinned=spec.get("pinned", False),
            published_at=published_at,
            trusted=True,  # the demo's reporters' updates as an editor would have published them
        )
        if before:
            item = services.correct_item(item=item, user=item.author, trusted=True, text=final)
            edited_at = published_at + timedelta(hours=spec["corrected_after"])
            FeedItem.objects.filter(pk=item.pk).update(edited_at=edited_at)
            item.refresh_from_db()
            item.save()  # re-renders what streams push with the correction's time
        self.created += 1

    def run(self):
        # Oldest first, so cursors follow the order the updates were posted in.
        ordered = sorted(enumerate(content.FEED), key=lambda pair: -pair[1]["hours_ago"])
        with transaction.atomic():
            for n, spec in ordered:
                self.load(n, spec)
        return self.created


def load(log):
    return FeedLoader().run()
