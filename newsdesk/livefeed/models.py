from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, models, transaction
from django.db.models import Max, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail.fields import RichTextField
from wagtail.models import RevisionMixin
from wagtail.rich_text import get_text_for_indexing
from wagtail.search import index

from newsdesk.core.pagecache import bump, purge_paths

MAX_TEXT_LENGTH = 600
SIDEBAR_COUNT = 10
TEXT_FEATURES = ["bold", "link"]
# Any constant works: it only has to be the same in every process that writes feed items.
WRITE_LOCK_KEY = 7_316_402_115


def validate_feed_text(value):
    """Readers see plain text with some bold and links: count what they read, not the markup."""
    length = len(get_text_for_indexing(value or ""))
    if length == 0:
        raise ValidationError("Write the update before posting.", code="empty")
    if length > MAX_TEXT_LENGTH:
        raise ValidationError(
            "Keep updates to %(limit)d characters; this one has %(length)d.",
            code="too_long",
            params={"limit": MAX_TEXT_LENGTH, "length": length},
        )


def lock_feed_writes():
    """Serialize writers until the transaction ends, so cursors become visible in order.

    A stream that has read cursor N must never later find a row with a smaller cursor. SQLite
    already runs one writer at a time (IMMEDIATE transactions); PostgreSQL needs a lock.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_LOCK_KEY])


class FeedItemQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(removed_at__isnull=True)

    def for_display(self):
        return self.select_related("article", "section", "image").prefetch_related(
            "image__renditions"
        )

    def latest_first(self):
        return self.order_by("-published_at", "-pk")

    def for_sidebar(self, count=SIDEBAR_COUNT):
        """The latest items with pinned ones on top, as the front page and articles show them."""
        return self.visible().for_display().order_by("-pinned", "-published_at", "-pk")[:count]

    def changed_after(self, cursor):
        """Rows written (posted, corrected or removed) after `cursor`, oldest change first."""
        return self.filter(cursor__gt=cursor).order_by("cursor")

    def current_cursor(self):
        return self.aggregate(cursor=Max("cursor"))["cursor"] or 0


class FeedItem(index.Indexed, RevisionMixin, models.Model):
    """A short, timestamped update in the live news feed."""

    text = RichTextField(
        features=TEXT_FEATURES,
        validators=[validate_feed_text],
        error_messages={
            "required": "Write the update before posting.",
            "blank": "Write the update before posting.",
        },
        help_text=f"Up to {MAX_TEXT_LENGTH} characters. Bold and links only.",
    )
    article = models.ForeignKey(
        "articles.ArticlePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The story readers can follow for more.",
    )
    section = models.ForeignKey(
        "articles.SectionPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pinned = models.BooleanField(default=False, help_text="Keep this update at the top.")
    published_at = models.DateTimeField(default=timezone.now, db_index=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    edited_at = models.DateTimeField(null=True, blank=True, editable=False)
    removed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Every write takes the next cursor; streams read rows whose cursor is above what they sent.
    cursor = models.BigIntegerField(unique=True, blank=True, editable=False)
    # The item as streams push it, rendered once when it is written (not once per reader).
    fragment = models.TextField(blank=True, editable=False)

    objects = FeedItemQuerySet.as_manager()

    search_fields = [
        index.SearchField("text"),
        index.FilterField("published_at"),
        index.FilterField("removed_at"),
    ]

    # What readers see change; pinning and removal are not corrections.
    CONTENT_FIELDS = ("text", "article_id", "section_id", "image_id")

    class Meta:
        verbose_name = "feed item"
        ordering = ["-published_at", "-pk"]
        permissions = [("pin_feeditem", "Can pin feed items")]
        indexes = [
            models.Index(
                fields=["-pinned", "-published_at"],
                name="feeditem_sidebar",
                condition=Q(removed_at__isnull=True),
            )
        ]

    def __str__(self):
        text = self.plain_text
        return text if len(text) <= 80 else text[:79].rstrip() + "…"

    def save(self, *args, **kwargs):
        # Wagtail's save_revision() saves only `latest_revision`: readers see nothing new then.
        if kwargs.get("update_fields") is not None:
            return super().save(*args, **kwargs)
        with transaction.atomic():
            lock_feed_writes()
            if not self._state.adding and not self.is_removed:
                stored = FeedItem.objects.filter(pk=self.pk).first()
                if stored is not None and self.content_differs_from(stored):
                    self.edited_at = timezone.now()
            self.cursor = FeedItem.objects.current_cursor() + 1
            super().save(*args, **kwargs)
            # The fragment carries the item's id, which a new row only has after the insert.
            self.fragment = "" if self.is_removed else self.render_fragment()
            super().save(update_fields=["fragment"])
        # Pages readers load without JavaScript show the feed as it was when cached.
        purge_paths(["/", reverse("livefeed:index"), reverse("livefeed:rss")])
        bump("feed")

    def get_absolute_url(self):
        return reverse("livefeed:item", args=[self.pk])

    @property
    def plain_text(self):
        return get_text_for_indexing(self.text or "")

    @property
    def is_removed(self):
        return self.removed_at is not None

    @property
    def stream_id(self):
        return f"feed-item-{self.pk}"

    def content_differs_from(self, other):
        return any(getattr(self, name) != getattr(other, name) for name in self.CONTENT_FIELDS)

    def render_fragment(self):
        return render_to_string("livefeed/components/feed_item.html", {"item": self}).strip()
