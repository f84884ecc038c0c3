from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, models, transaction
from django.db.models import Max, Q, Subquery
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, RevisionMixin
from wagtail.rich_text import get_text_for_indexing
from wagtail.search import index

from newsdesk.core.editions import active_language, edition_field, home_path
from newsdesk.serving.purge import purge_paths
from newsdesk.serving.versions import bump

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


def feed_paths(language):
    """The pages of an edition that show its feed: its front page, feed page and RSS."""
    with translation.override(language):
        return [home_path(language), reverse("livefeed:index"), reverse("livefeed:rss")]


def lock_feed_writes():
    """Serialize writers until the transaction ends, so cursors become visible in order.

    A stream that has read cursor N must never later find a row with a smaller cursor. SQLite
    already runs one writer at a time (IMMEDIATE transactions); PostgreSQL needs a lock.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_LOCK_KEY])


class FeedItemQuerySet(models.QuerySet):
    def in_edition(self, language=None):
        """Items of one edition: the language served (newsdesk.core.editions) by default."""
        return self.filter(locale__language_code=language or active_language())

    def visible(self):
        """What readers see: published and not removed."""
        return self.filter(live=True, removed_at__isnull=True)

    def not_removed(self):
        """What the newsroom works on: published items and those waiting for an editor."""
        return self.filter(removed_at__isnull=True)

    def awaiting_publication(self):
        """Held updates and drafted corrections: saved by someone who may not publish (or as
        a draft), not published since."""
        return self.not_removed().filter(Q(live=False) | Q(has_unpublished_changes=True))

    def for_display(self):
        return self.select_related("article", "section", "image").prefetch_related(
            "image__renditions"
        )

    def latest_first(self):
        return self.order_by("-published_at", "-pk")

    def for_sidebar(self, count=SIDEBAR_COUNT):
        """The latest items with pinned ones on top, as the front page and articles show them
        (the renditions of their pictures: `attach_renditions(..., "card")`)."""
        items = self.visible().select_related("article", "section", "image")
        return items.order_by("-pinned", "-published_at", "-pk")[:count]

    def changed_after(self, cursor):
        """Rows readers saw change (published, corrected or removed) after `cursor`, oldest
        change first. A held item has no cursor: it is not here until it is published."""
        return self.filter(cursor__gt=cursor).order_by("cursor")

    def current_cursor(self):
        return self.aggregate(cursor=Max("cursor"))["cursor"] or 0

    def with_current_cursor(self):
        """Each row with the newest cursor of all items (`current_cursor`), read in the same
        statement as the rows themselves."""
        newest = FeedItem.objects.filter(cursor__isnull=False).order_by("-cursor")
        return self.annotate(current_cursor=Subquery(newest.values("cursor")[:1]))


class FeedItem(index.Indexed, DraftStateMixin, RevisionMixin, models.Model):
    """A short, timestamped update in the live news feed.

    Published (`live`) when its author may publish (`livefeed.publish_feeditem`, Editors by
    default); otherwise held, as a draft, until an editor publishes it. A correction by someone
    who may not publish waits as a draft of the published item in the same way.
    """

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
    locale = edition_field("The edition whose feed shows this update.")
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
    # Every write readers see takes the next cursor; streams read rows whose cursor is above
    # what they sent. An item never published has none, so holding it moves no stream on.
    cursor = models.BigIntegerField(unique=True, null=True, blank=True, editable=False)
    # The item as streams push it, rendered once when it is written (not once per reader).
    fragment = models.TextField(blank=True, editable=False)

    objects = FeedItemQuerySet.as_manager()

    search_fields = [
        index.SearchField("text"),
        index.FilterField("published_at"),
        index.FilterField("removed_at"),
        index.FilterField("live"),
        index.FilterField("locale"),  # search within one edition
    ]

    # What readers see change; pinning and removal are not corrections.
    CONTENT_FIELDS = ("text", "article_id", "section_id", "image_id", "locale_id")
    # The row's own state, which a revision being published must not roll back.
    ROW_FIELDS = ("author_id", "published_at", "edited_at", "removed_at", "cursor", "fragment")

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
            stored = FeedItem.objects.filter(pk=self.pk).first() if self.pk else None
            was_public = stored is not None and stored.is_public
            if was_public and not self.live and not self.is_removed:
                # Unpublishing takes an update off every page: to readers, a removal.
                self.removed_at = timezone.now()
            if not (self.is_public or was_public):
                # Held for an editor: no cursor, so no stream, page or feed changes.
                self.fragment = ""
                return super().save(*args, **kwargs)
            if self.is_public and was_public and self.content_differs_from(stored):
                self.edited_at = timezone.now()
            self.cursor = FeedItem.objects.current_cursor() + 1
            super().save(*args, **kwargs)
            # The fragment carries the item's id, which a new row only has after the insert.
            self.fragment = self.render_fragment() if self.is_public else ""
            super().save(update_fields=["fragment"])
        # Pages readers load without JavaScript show the feed as it was when cached: those of
        # this item's edition (and of the one it left, if an editor moved it).
        languages = {self.language, stored.language if stored else self.language}
        purge_paths([path for language in languages for path in feed_paths(language)])
        for language in languages:
            bump("feed", language=language)

    def get_absolute_url(self):
        with translation.override(self.language):
            return reverse("livefeed:item", args=[self.pk])

    @property
    def language(self):
        return self.locale.language_code

    @property
    def plain_text(self):
        return get_text_for_indexing(self.text or "")

    @property
    def is_removed(self):
        return self.removed_at is not None

    @property
    def is_public(self):
        return self.live and not self.is_removed

    @property
    def stream_id(self):
        return f"feed-item-{self.pk}"

    def content_differs_from(self, other):
        return any(getattr(self, name) != getattr(other, name) for name in self.CONTENT_FIELDS)

    def render_fragment(self):
        with translation.override(self.language):
            return render_to_string("livefeed/components/feed_item.html", {"item": self}).strip()

    def with_content_json(self, content):
        # A revision holds the text as written; where the row stands (its author, time, cursor,
        # removal) is the row's, whichever revision an editor publishes.
        obj = super().with_content_json(content)
        for name in self.ROW_FIELDS:
            setattr(obj, name, getattr(self, name))
        return obj

    def get_waiting_version(self):
        """What publishing would put on the feed: the latest revision when it is not the live
        one (select_related("latest_revision") spares a query per item)."""
        if self.live and self.has_unpublished_changes and self.latest_revision:
            return self.with_content_json(self.latest_revision.content)
        return self

    def date_publication(self):
        """A held update is dated when an editor publishes it: to readers it is news then."""
        if self.first_published_at is None:
            self.published_at = timezone.now()
