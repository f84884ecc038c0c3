from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, PreviewableMixin

from newsdesk.articles.models import ArticlePage, attach_sections
from newsdesk.core.editions import edition_field, home_path
from newsdesk.newsletters import addresses
from newsdesk.newsletters.addresses import single_line
from newsdesk.newsletters.querysets import DeliveryQuerySet, IssueQuerySet, NewsletterQuerySet


class Newsletter(models.Model):
    """A named newsletter readers can sign up for, e.g. a daily briefing or a weekly explainer."""

    name = models.CharField(max_length=120, validators=[single_line])
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(
        max_length=600, blank=True, help_text="One or two sentences for the sign-up box."
    )
    cadence = models.CharField(
        max_length=120, blank=True, help_text="When it arrives, e.g. “Every weekday at 7 a.m.”"
    )
    host = models.ForeignKey(
        "people.Author",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="newsletters",
        help_text="The journalist who writes it, if one does.",
    )
    sender_name = models.CharField(
        max_length=120,
        blank=True,
        validators=[single_line],
        help_text="The name readers see in their inbox. Leave empty for the newsroom's name.",
    )
    sender_email = models.EmailField(
        blank=True, help_text="Leave empty to send from the site's default address."
    )
    active = models.BooleanField(
        default=True, help_text="Inactive newsletters take no sign-ups and are not listed."
    )
    members_only = models.BooleanField(
        default=False,
        help_text="For members only: not listed, no sign-ups; members receive it while their "
        "membership is current.",
    )
    locale = edition_field("The edition that offers it; its mail is in this edition's language.")
    sort_order = models.IntegerField(null=True, blank=True, editable=False)

    objects = NewsletterQuerySet.as_manager()
    sort_order_field = "sort_order"

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("cadence"),
        FieldPanel("host"),
        FieldPanel("locale"),
        FieldRowPanel([FieldPanel("sender_name"), FieldPanel("sender_email")], heading="Sender"),
        FieldRowPanel([FieldPanel("active"), FieldPanel("members_only")]),
    ]

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{home_path(self.language)}newsletters/#{self.slug}"

    @property
    def language(self):
        return self.locale.language_code

    @property
    def from_email(self):
        default_name, default_address = parseaddr(settings.DEFAULT_FROM_EMAIL)
        name = self.sender_name or settings.WAGTAIL_SITE_NAME or default_name
        return formataddr((name, self.sender_email or default_address))

    @property
    def sender_address(self):
        return self.sender_email or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]


class Subscriber(ClusterableModel):
    """One email address, whatever it subscribed to; deleting it deletes all we know about it."""

    class Suppression(models.TextChoices):
        BOUNCE = "bounce", "Hard bounce"
        COMPLAINT = "complaint", "Spam complaint"
        REQUEST = "request", "Reader's request"

    email = models.CharField(max_length=addresses.MAX_LENGTH, unique=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    source_url = models.CharField(
        max_length=300, blank=True, editable=False, help_text="The page the reader signed up on."
    )
    suppressed = models.BooleanField(
        default=False, help_text="Never send to this address again (bounces, complaints)."
    )
    suppressed_reason = models.CharField(max_length=20, blank=True, choices=Suppression.choices)
    suppressed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The edition the reader last signed up on: the language of the mail we send them.
    language = models.CharField(max_length=12, blank=True, editable=False)
    # Set when a confirmation mail goes out, cleared on confirmation: a link works once.
    confirm_nonce = models.CharField(max_length=32, blank=True, editable=False)

    panels = [
        FieldPanel("email", read_only=True),
        FieldRowPanel([FieldPanel("suppressed"), FieldPanel("suppressed_reason")]),
        InlinePanel("subscriptions", heading="Subscriptions", label="Subscription"),
    ]

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.email

    @property
    def subscription_summary(self):
        """'The Morning Brief: confirmed; The Explainer: pending' (prefetch the subscriptions)."""
        return "; ".join(
            f"{subscription.newsletter.name}: {subscription.status}"
            for subscription in self.subscriptions.all()
        )

    def clean(self):
        try:
            self.email = addresses.normalise(self.email)
        except ValidationError as error:
            raise ValidationError({"email": error.messages}) from None


class Subscription(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for confirmation"
        CONFIRMED = "confirmed", "Confirmed"
        UNSUBSCRIBED = "unsubscribed", "Unsubscribed"

    subscriber = ParentalKey(Subscriber, on_delete=models.CASCADE, related_name="subscriptions")
    newsletter = models.ForeignKey(
        Newsletter, on_delete=models.CASCADE, related_name="subscriptions"
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    panels = [FieldPanel("newsletter"), FieldPanel("status")]

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "newsletter"], name="newsletters_one_subscription_each"
            )
        ]
        indexes = [models.Index(fields=["newsletter", "status"])]

    def __str__(self):
        return f"{self.subscriber} → {self.newsletter} ({self.get_status_display()})"

    def save(self, *args, **kwargs):
        # Editors change the status in the admin; keep the times consistent with it.
        now = timezone.now()
        if self.status == self.Status.CONFIRMED and not self.confirmed_at:
            self.confirmed_at = now
        if self.status == self.Status.UNSUBSCRIBED and not self.unsubscribed_at:
            self.unsubscribed_at = now
        super().save(*args, **kwargs)


class Issue(PreviewableMixin, ClusterableModel):
    """One edition of a newsletter: composed and previewed in the admin, then sent to everyone."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SCHEDULED = "scheduled", "Scheduled"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"

    newsletter = models.ForeignKey(Newsletter, on_delete=models.CASCADE, related_name="issues")
    subject = models.CharField(max_length=200, validators=[single_line])
    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="A few words from the newsroom before the stories.",
    )
    latest_count = models.PositiveSmallIntegerField(
        default=0,
        validators=[MaxValueValidator(20)],
        verbose_name="Latest articles",
        help_text="Also include this many of the newest articles published since the last issue.",
    )
    latest_section = models.ForeignKey(
        "articles.SectionPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Take the latest articles from this section only. Empty: every section.",
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    scheduled_at = models.DateTimeField(null=True, blank=True, editable=False)
    started_at = models.DateTimeField(null=True, blank=True, editable=False)
    finished_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    send_error = models.CharField(max_length=500, blank=True, editable=False)
    # What was sent, fixed when sending starts so every subscriber gets the same issue even if
    # the articles change while it goes out.
    sent_subject = models.CharField(max_length=200, blank=True, editable=False)
    sent_html = models.TextField(blank=True, editable=False)
    sent_text = models.TextField(blank=True, editable=False)

    objects = IssueQuerySet.as_manager()

    panels = [
        FieldPanel("newsletter"),
        FieldPanel("subject"),
        FieldPanel("intro"),
        InlinePanel("chosen_articles", heading="Chosen articles", label="Article"),
        MultiFieldPanel(
            [FieldPanel("latest_count"), FieldPanel("latest_section")],
            heading="Latest articles",
        ),
    ]

    class Meta:
        ordering = ["-created_at", "-pk"]
        permissions = [("send_issue", "Can send newsletter issues")]

    def __str__(self):
        return self.subject

    @property
    def progress_summary(self):
        """'1,200 of 3,000' from the counts `Issue.objects.with_progress()` adds."""
        counts = [getattr(self, f"{status}_count", None) for status in Delivery.Status.values]
        if None in counts or not sum(counts):
            return ""
        return f"{self.sent_count:,} of {sum(counts):,}"

    @property
    def is_editable(self):
        return self.status in (self.Status.DRAFT, self.Status.SCHEDULED)

    def previous_issue(self):
        return (
            Issue.objects.filter(newsletter_id=self.newsletter_id, status=self.Status.SENT)
            .exclude(pk=self.pk)
            .order_by("-started_at")
            .first()
        )

    def get_articles(self):
        """The chosen articles in order, then the latest ones not already chosen."""
        chosen_ids = [link.article_id for link in self.chosen_articles.all()]
        found = ArticlePage.objects.for_listing().in_bulk(chosen_ids)
        articles = [found[pk] for pk in chosen_ids if pk in found]
        if self.latest_count:
            latest = (
                ArticlePage.objects.for_listing()
                .filter(locale_id=self.newsletter.locale_id)
                .exclude(pk__in=chosen_ids)
            )
            if self.latest_section_id:
                section = self.latest_section
                latest = latest.child_of(section) if section else latest.none()
            previous = self.previous_issue()
            if previous and previous.started_at:
                latest = latest.filter(published_at__gt=previous.started_at)
            articles += list(latest[: self.latest_count])
        return attach_sections(articles)

    # Previews in the admin: the email as subscribers' mail programs show it, and its text part.
    preview_modes = [("", "Email"), ("text", "Plain text")]

    def serve_preview(self, request, mode_name):
        from newsdesk.newsletters.composer import preview_response

        return preview_response(self, mode_name)


class IssueArticle(Orderable):
    issue = ParentalKey(Issue, on_delete=models.CASCADE, related_name="chosen_articles")
    article = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = "chosen article"


class Delivery(models.Model):
    """One subscriber's copy of one issue: created when sending starts, then claimed and sent."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        CLAIMED = "claimed", "Being sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"
        SKIPPED = "skipped", "Skipped"

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    claim = models.CharField(max_length=32, blank=True)
    # Claimed rows: when the claim runs out. Queued rows: not to be retried before then.
    lease_until = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "deliveries"
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscriber"], name="newsletters_one_delivery_each"
            )
        ]
        indexes = [
            models.Index(fields=["issue", "status"]),
            # Only the rows still to send, in the order they are claimed: a claim reads a few
            # entries of it, however many rows this and earlier issues have sent.
            models.Index(
                fields=["issue", "id"],
                name="newsletters_delivery_todo",
                condition=Q(status__in=["queued", "claimed"]),
            ),
        ]

    def __str__(self):
        return f"{self.issue} → {self.subscriber_id} ({self.status})"
