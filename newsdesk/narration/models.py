from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from newsdesk.articles.models import ArticlePage
from newsdesk.narration.lexicon import Lexicon

# A narration "generating" with no sign of life from its worker for this long was abandoned
# (the worker was killed); it may be claimed again.
STALE_AFTER = timedelta(minutes=5)


def format_duration(seconds):
    """452.3 -> "7:32"; 3725 -> "1:02:05"."""
    seconds = round(seconds or 0)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{seconds:02}" if hours else f"{minutes}:{seconds:02}"


class NarrationQuerySet(models.QuerySet):
    def with_audio(self):
        return self.exclude(audio="")

    def for_podcast(self):
        """Narrations of published articles, newest article first."""
        return (
            self.with_audio()
            .filter(article__in=ArticlePage.objects.published())
            .select_related("article")
            .order_by("-article__published_at", "-article_id")
        )

    def mark_unpublished(self):
        """Queued narrations of an article that is no longer published stay unnarrated."""
        return self.filter(status=Narration.Status.QUEUED).update(
            status=Narration.Status.NONE, detail="Not narrated: the article is not published."
        )


class Narration(models.Model):
    """The audio version of one article, and the state of its next version.

    Two halves: `status` and friends describe the latest request (queued, generating, failed),
    `audio` and friends the audio readers get. The audio is replaced only when a newer one is
    complete, so a failed or running regeneration never takes the player off the page.
    """

    class Status(models.TextChoices):
        NONE = "none", "Not narrated"
        QUEUED = "queued", "Queued"
        GENERATING = "generating", "Generating"
        READY = "ready", "Ready"
        FAILED = "failed", "Failed"

    article = models.OneToOneField(ArticlePage, on_delete=models.CASCADE, related_name="narration")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.NONE)
    progress = models.PositiveSmallIntegerField(default=0, help_text="Percent, while generating.")
    detail = models.TextField(blank=True, help_text="The last error, or why there is no audio.")
    attempts = models.PositiveSmallIntegerField(default=0)
    requested_hash = models.CharField(max_length=64, blank=True)
    requested_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    # The task generating it: when a dead worker's task is re-queued, it may take over at once.
    claimed_by = models.CharField(max_length=64, blank=True)

    audio = models.FileField(upload_to="narration/", max_length=255, blank=True)
    audio_hash = models.CharField(max_length=64, blank=True)
    voice = models.CharField(max_length=255, blank=True)
    duration = models.FloatField(null=True, blank=True, help_text="Seconds.")
    byte_size = models.PositiveBigIntegerField(null=True, blank=True)
    # [{"id": block id or "headline"/"byline"/"standfirst", "kind", "start", "end"}], seconds.
    segments = models.JSONField(default=list, blank=True)
    generated_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = NarrationQuerySet.as_manager()

    class Meta:
        verbose_name = "narration"

    def __str__(self):
        return f"Narration of {self.article_id}"

    # Every change of `status` is one of these methods: each is one conditional UPDATE (or a
    # save under a row lock), so workers and editors never overwrite each other's state.

    def _update(self, *conditions, **fields):
        return Narration.objects.filter(*conditions, pk=self.pk).update(**fields)

    def mark_ready(self, text_hash, *, only_if_requested=False):
        """The audio already reads `text_hash`; when `only_if_requested`, only if no newer text
        was requested meanwhile."""
        condition = Q(requested_hash=text_hash) if only_if_requested else Q()
        fields = {} if only_if_requested else {"requested_hash": text_hash}
        return self._update(condition, status=self.Status.READY, detail="", progress=100, **fields)

    def mark_requested(self, text_hash):
        """Queued for `text_hash`; a worker busy with an older text keeps its claim and the new
        task waits for it."""
        generating = self.status == self.Status.GENERATING and not self.is_stale
        return self._update(
            status=self.Status.GENERATING if generating else self.Status.QUEUED,
            requested_hash=text_hash,
            requested_at=timezone.now(),
            attempts=0,
            progress=self.progress if generating else 0,
            detail="",
        )

    def mark_unnarratable(self, reason):
        """No audio for this text, and none of the old audio, which reads a text that is gone."""
        return self._update(
            status=self.Status.NONE,
            detail=reason,
            requested_hash="",
            progress=0,
            attempts=0,
            audio="",
            audio_hash="",
            duration=None,
            byte_size=None,
            segments=[],
        )

    def claim(self, claim_id=""):
        """Mark as generating unless a live worker already is; True if this task got it.

        A task the worker reaper re-queued after its worker died finds its own claim and takes
        it back at once, without waiting for the claim to go stale."""
        now = timezone.now()
        busy = Q(status=self.Status.GENERATING, heartbeat_at__gt=now - STALE_AFTER)
        if claim_id:
            busy &= ~Q(claimed_by=claim_id)
        claimed = (
            Narration.objects.filter(pk=self.pk)
            .exclude(busy)
            .update(
                status=self.Status.GENERATING, heartbeat_at=now, progress=0, claimed_by=claim_id
            )
        )
        return claimed == 1

    def record_progress(self, fraction):
        """How far generation is (never 100% before the audio is stored), and a sign of life."""
        return self._update(progress=min(99, int(fraction * 100)), heartbeat_at=timezone.now())

    def mark_failed(self, *, attempts, detail, retry):
        """A generation failed: queued again when it will be `retry`-ed, failed otherwise."""
        return self._update(
            status=self.Status.QUEUED if retry else self.Status.FAILED,
            attempts=attempts,
            detail=detail,
            heartbeat_at=None,
            progress=0,
        )

    def attach_audio(self, *, name, text_hash, voice, duration, size, segments):
        """The new audio replaces the old (call under select_for_update). Ready, unless a newer
        text was published while it was made: that one keeps its place in the queue."""
        self.audio = name
        self.audio_hash = text_hash
        self.voice = voice
        self.duration = duration
        self.byte_size = size
        self.segments = segments
        self.generated_at = timezone.now()
        self.progress = 100
        self.attempts = 0
        self.detail = ""
        self.heartbeat_at = None
        newer = self.requested_hash and self.requested_hash != text_hash
        self.status = self.Status.QUEUED if newer else self.Status.READY
        if not newer:
            self.requested_hash = text_hash
        self.save()

    @property
    def has_audio(self):
        return bool(self.audio)

    @property
    def is_busy(self):
        return self.status in {self.Status.QUEUED, self.Status.GENERATING}

    @property
    def is_stale(self):
        """Generating, but its worker has not reported for STALE_AFTER."""
        return self.status == self.Status.GENERATING and (
            self.heartbeat_at is None or timezone.now() - self.heartbeat_at > STALE_AFTER
        )

    @property
    def status_label(self):
        label = self.get_status_display()
        return f"{label} {self.progress}%" if self.status == self.Status.GENERATING else label

    @property
    def duration_label(self):
        return format_duration(self.duration) if self.duration else ""

    @property
    def iso_duration(self):
        seconds = round(self.duration or 0)
        return f"PT{seconds // 60}M{seconds % 60}S"

    @property
    def body_starts(self):
        """Where each body block starts, for the player's "listen from here"."""
        return [
            {"id": s["id"], "start": s["start"]}
            for s in self.segments
            if s.get("kind") in {"paragraph", "heading", "quote"}
        ]


class LexiconEntryQuerySet(models.QuerySet):
    def lexicon(self):
        return Lexicon(self.values_list("term", "say"))


class LexiconEntry(index.Indexed, models.Model):
    term = models.CharField(
        max_length=100,
        unique=True,
        help_text=(
            "The word or name as it is written. Whole words only. Write it in lower case to "
            "match any capitalisation (hryvnia); with capitals it matches only that spelling "
            "(US, not us)."
        ),
    )
    say = models.CharField(
        "say it as",
        max_length=200,
        help_text=(
            "How the voice should say it: syllables joined by hyphens with the stressed one in "
            "capitals (KEE-iv), letters separated by spaces (U N H C R), or other words."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = LexiconEntryQuerySet.as_manager()

    panels = [FieldPanel("term"), FieldPanel("say")]
    search_fields = [index.SearchField("term"), index.AutocompleteField("term")]

    class Meta:
        ordering = ["term"]
        verbose_name = "pronunciation"
        verbose_name_plural = "pronunciations"

    def __str__(self):
        return self.term

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        # The term as stored, so an edit can refresh articles with the old spelling too.
        instance._stored_term = instance.__dict__.get("term")
        return instance

    @property
    def affected_terms(self):
        """Terms whose articles a change to this entry re-narrates: the new and the old."""
        return sorted({t for t in (self.term, getattr(self, "_stored_term", None)) if t})

    def clean(self):
        self.term = " ".join((self.term or "").split())
        self.say = " ".join((self.say or "").split())
        errors = {}
        if self.term and not any(c.isalnum() for c in self.term):
            errors["term"] = "The term needs at least one letter or digit."
        if self.say and not any(c.isalpha() for c in self.say):
            errors["say"] = "Write how it sounds, in letters."
        if errors:
            raise ValidationError(errors)
