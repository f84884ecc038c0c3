"""Readers (accounts without passwords), their memberships and donations, and the Stripe
events already applied. Amounts are in the currency's minor unit (cents, kopiykas), as Stripe
counts them; no card data is ever stored here: Stripe Checkout takes it on Stripe's pages."""

from decimal import Decimal

from django.db import models
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext, gettext_noop, pgettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from newsdesk.core.editions import edition_field

CURRENCIES = [("usd", "US dollar"), ("eur", "Euro"), ("uah", "Ukrainian hryvnia")]
SYMBOLS = {"usd": "$", "eur": "€", "uah": "₴"}


def money(amount, currency):
    """1250, "usd" -> "$12.50"; whole amounts without the cents; digits grouped, the decimal
    mark and the sign's place as the active language writes them ("1 500 ₴", "12,50 €" in
    Ukrainian)."""
    value = Decimal(amount) / 100
    text = number_format(value, 0 if amount % 100 == 0 else 2, force_grouping=True)
    if currency not in SYMBOLS:
        return f"{currency.upper()} {text}"
    # Translators: an amount of money; put the sign where your language writes it, e.g.
    # "%(amount)s %(sign)s" (with a no-break space) for "1 500 ₴".
    return pgettext("money", "%(sign)s%(amount)s") % {"sign": SYMBOLS[currency], "amount": text}


class Reader(models.Model):
    """A reader who signed in with their email. Deleting one deletes everything about them."""

    email = models.EmailField(max_length=254, unique=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    # Part of the signed session cookie: raising it signs the reader out everywhere.
    session_version = models.PositiveIntegerField(default=1, editable=False)
    stripe_customer_id = models.CharField(max_length=64, blank=True, editable=False)
    # The edition the reader last signed in or paid on: the language of the mail we send them.
    language = models.CharField(max_length=12, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        # Members and donors (addresses, payments) need view_reader; the revenue view shows
        # totals only and needs view_revenue.
        permissions = [("view_revenue", "Can see revenue figures")]

    def __str__(self):
        return self.email

    @property
    def membership_status(self):
        membership = getattr(self, "membership", None)
        return membership.get_status_display() if membership is not None else ""

    @property
    def tier_name(self):
        membership = getattr(self, "membership", None)
        return str(membership.tier) if membership is not None and membership.tier else ""

    @property
    def donation_count(self):
        return len(self.donations.all())  # prefetched in the admin's listing

    @property
    def membership_price(self):
        membership = getattr(self, "membership", None)
        if membership is None:
            return ""
        return membership.price_per_interval

    @property
    def history(self):
        """Membership changes and donations, oldest first, as lines for the admin."""
        lines = []
        membership = getattr(self, "membership", None)
        if membership is not None:
            lines += [
                (c.at, f"Membership {c.get_status_display().lower()}")
                for c in membership.changes.all()
            ]
        lines += [(d.created_at, f"Donation {d}") for d in self.donations.all()]
        return (
            "; ".join(
                f"{at:%Y-%m-%d}: {text}" for at, text in sorted(lines, key=lambda line: line[0])
            )
            or "Nothing yet"
        )

    @property
    def active_membership(self):
        membership = getattr(self, "membership", None)
        return membership if membership is not None and membership.is_current else None


class SignInCode(models.Model):
    """One emailed sign-in: a 6-digit code and a link that carries this row's nonce. Single use
    (used_at), short-lived (expires_at); the code is kept only as a keyed hash."""

    email = models.EmailField(max_length=254, db_index=True)
    purpose = models.CharField(max_length=12, default="sign-in")  # or "change-email"
    reader = models.ForeignKey(Reader, null=True, blank=True, on_delete=models.CASCADE)
    code_hash = models.CharField(max_length=64)
    nonce = models.CharField(max_length=32, unique=True)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    failed_attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.purpose} code for {self.email}"


class Tier(models.Model):
    """A membership level with its prices; synced to a Stripe product and two prices. Each
    edition lists its own tiers, in its language and usually its readers' currency."""

    name = models.CharField(max_length=80)
    description = models.CharField(max_length=300, blank=True)
    benefits = models.TextField(blank=True, help_text="One benefit a line.")
    currency = models.CharField(max_length=3, choices=CURRENCIES, default="usd")
    monthly_amount = models.PositiveIntegerField(help_text="In cents (or kopiykas): 500 is 5.00.")
    yearly_amount = models.PositiveIntegerField(help_text="In cents (or kopiykas).")
    active = models.BooleanField(default=True)
    sort_order = models.PositiveSmallIntegerField(default=0)
    locale = edition_field("The edition whose support page lists this tier, in its language.")
    stripe_product_id = models.CharField(max_length=64, blank=True, editable=False)
    stripe_monthly_price_id = models.CharField(max_length=64, blank=True, editable=False)
    stripe_yearly_price_id = models.CharField(max_length=64, blank=True, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("benefits"),
        FieldRowPanel(
            [FieldPanel("currency"), FieldPanel("monthly_amount"), FieldPanel("yearly_amount")]
        ),
        FieldRowPanel([FieldPanel("locale"), FieldPanel("active"), FieldPanel("sort_order")]),
    ]

    class Meta:
        ordering = ["sort_order", "monthly_amount", "pk"]

    def __str__(self):
        return self.name

    @property
    def benefit_list(self):
        return [line.strip() for line in self.benefits.splitlines() if line.strip()]

    @property
    def monthly_price(self):
        return money(self.monthly_amount, self.currency)

    @property
    def yearly_price(self):
        return money(self.yearly_amount, self.currency)

    def price_id(self, interval):
        return self.stripe_yearly_price_id if interval == "year" else self.stripe_monthly_price_id


class Membership(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for payment")
        ACTIVE = "active", _("Active")
        PAST_DUE = "past_due", _("Payment failed")
        CANCELLED = "cancelled", _("Cancelled")

    reader = models.OneToOneField(Reader, on_delete=models.CASCADE, related_name="membership")
    tier = models.ForeignKey(Tier, null=True, on_delete=models.SET_NULL, related_name="+")
    interval = models.CharField(max_length=5, default="month")  # or "year"
    amount = models.PositiveIntegerField(default=0)
    currency = models.CharField(max_length=3, default="usd")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    stripe_subscription_id = models.CharField(max_length=64, blank=True, db_index=True)
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    renewals = models.PositiveIntegerField(default=0)
    # The creation time of the newest Stripe event applied: an older one arriving late is
    # ignored, so events applied out of order leave the newest state.
    last_event_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.reader}: {self.get_status_display()}"

    @property
    def is_current(self):
        return self.status in (self.Status.ACTIVE, self.Status.PAST_DUE)

    @property
    def monthly_value(self):
        """What it brings a month, in minor units (MRR)."""
        return self.amount // 12 if self.interval == "year" else self.amount

    @property
    def price(self):
        return money(self.amount, self.currency)

    @property
    def price_per_interval(self):
        """'$5 a month', '€50 a year', in the active language."""
        if self.interval == "year":
            return gettext("%(price)s a year") % {"price": self.price}
        return gettext("%(price)s a month") % {"price": self.price}

    def move_to(self, status, *, at):
        """The one place a membership's status changes; each change is kept in its history."""
        if status == self.status:
            return False
        self.status = status
        if status == self.Status.ACTIVE and self.started_at is None:
            self.started_at = at
        if status == self.Status.CANCELLED:
            self.ended_at = at
        self.save()
        MembershipChange.objects.create(membership=self, status=status, at=at)
        return True


class MembershipChange(models.Model):
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="changes")
    status = models.CharField(max_length=10, choices=Membership.Status.choices)
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_status_display()} at {self.at:%Y-%m-%d %H:%M}"


class Donation(models.Model):
    class Frequency(models.TextChoices):
        ONCE = "once", _("One-off")
        MONTHLY = "monthly", _("Monthly")

    reader = models.ForeignKey(
        Reader, null=True, blank=True, on_delete=models.CASCADE, related_name="donations"
    )
    email = models.EmailField(max_length=254, blank=True)
    amount = models.PositiveIntegerField()
    currency = models.CharField(max_length=3, choices=CURRENCIES)
    frequency = models.CharField(max_length=8, choices=Frequency.choices)
    # The Checkout session, payment or invoice this payment came from: one row each.
    stripe_reference = models.CharField(max_length=80, unique=True)
    stripe_subscription_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # The edition the donation was made on: the language of its receipts.
    language = models.CharField(max_length=12, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.price} ({self.get_frequency_display()})"

    @property
    def price(self):
        return money(self.amount, self.currency)

    @property
    def description(self):
        """What the reader gave, in words: 'one-off donation', 'monthly donation'."""
        if self.frequency == self.Frequency.MONTHLY:
            return gettext("monthly donation")
        return gettext("one-off donation")


class ProcessedEvent(models.Model):
    """A Stripe event applied once: its id is unique, so a repeated delivery changes nothing."""

    event_id = models.CharField(max_length=80, unique=True)
    type = models.CharField(max_length=80)
    received_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.type} {self.event_id}"


@register_setting(icon="pick")
class SupportSettings(BaseSiteSetting):
    """The words of the support prompts; members never see them (hidden in the browser)."""

    header_link_text = models.CharField(max_length=40, default=gettext_noop("Support us"))
    article_prompt_heading = models.CharField(
        max_length=120, default=gettext_noop("Independent journalism needs you")
    )
    article_prompt_text = models.TextField(
        max_length=500,
        default=gettext_noop(
            "Our reporting is free to read and paid for by readers. "
            "If it helped you today, help keep it going."
        ),
    )
    front_prompt_text = models.TextField(
        max_length=500,
        default=gettext_noop("Readers fund this newsroom. Become a member or give once."),
    )
    button_text = models.CharField(max_length=40, default=gettext_noop("Support our work"))
    suggested_amounts = models.CharField(
        max_length=80,
        default="5,10,25,50",
        help_text="In dollars and euros: whole amounts, separated by commas.",
    )
    suggested_amounts_uah = models.CharField(
        "suggested amounts in hryvnias",
        max_length=80,
        default="100,200,500,1000",
        help_text="Whole amounts, separated by commas.",
    )

    panels = [
        FieldPanel("header_link_text"),
        FieldPanel("article_prompt_heading"),
        FieldPanel("article_prompt_text"),
        FieldPanel("front_prompt_text"),
        FieldPanel("button_text"),
        FieldPanel("suggested_amounts"),
        FieldPanel("suggested_amounts_uah"),
    ]

    class Meta:
        verbose_name = "Support prompts"

    @property
    def amounts(self):
        return _whole_amounts(self.suggested_amounts)

    @property
    def amounts_uah(self):
        return _whole_amounts(self.suggested_amounts_uah)


def _whole_amounts(text):
    return [int(part) for part in text.split(",") if part.strip().isdigit()]
