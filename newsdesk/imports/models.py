from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


class ImportRun(models.Model):
    """One import of one export file: its options, its progress and its report, kept for later.

    The admin's Import page and the management commands both make one, so every import of the
    site is listed with what it created, changed, skipped and why.
    """

    class Source(models.TextChoices):
        WORDPRESS = "wordpress", "WordPress export (WXR)"
        GHOST = "ghost", "Ghost export (JSON)"
        SUBSCRIBERS = "subscribers", "Subscribers (CSV)"

    class Status(models.TextChoices):
        ANALYSING = "analysing", "Checking the file"
        READY = "ready", "Checked, ready to start"
        INVALID = "invalid", "The file cannot be imported"
        QUEUED = "queued", "Waiting for a worker"
        RUNNING = "running", "Importing"
        FINISHED = "finished", "Finished"
        FAILED = "failed", "Stopped by an error"

    source = models.CharField(max_length=20, choices=Source.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ANALYSING)
    file_name = models.CharField(max_length=255, help_text="The name of the uploaded file.")
    # Relative to IMPORT_FILES_DIR (uploads) or an absolute path (management commands).
    file_path = models.CharField(max_length=1000, editable=False)
    options = models.JSONField(default=dict, blank=True)
    dry_run = models.BooleanField(default=False)
    analysis = models.JSONField(default=dict, blank=True, editable=False)
    report = models.JSONField(default=dict, blank=True, editable=False)
    error = models.TextField(blank=True, editable=False)
    total = models.PositiveIntegerField(default=0, editable=False)
    done = models.PositiveIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    started_at = models.DateTimeField(null=True, blank=True, editable=False)
    finished_at = models.DateTimeField(null=True, blank=True, editable=False)

    # Wagtail's reference index would queue a task for every save of these: they hold no
    # references anyone looks up.
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "import"

    def __str__(self):
        return f"{self.get_source_display()}: {self.file_name}"

    @property
    def percent(self):
        if self.status == self.Status.FINISHED:
            return 100
        return min(99, self.done * 100 // self.total) if self.total else 0

    @property
    def in_progress(self):
        return self.status in (self.Status.ANALYSING, self.Status.QUEUED, self.Status.RUNNING)

    def mark_ready(self, analysis):
        self._set(status=self.Status.READY, analysis=analysis, total=analysis.get("total", 0))

    def mark_invalid(self, error):
        self._set(status=self.Status.INVALID, error=error, finished_at=timezone.now())

    def mark_queued(self):
        """READY -> QUEUED, once: True if this call moved it (a double click starts one run)."""
        moved = ImportRun.objects.filter(pk=self.pk, status=self.Status.READY).update(
            status=self.Status.QUEUED
        )
        if moved:
            self.status = self.Status.QUEUED
        return bool(moved)

    def mark_running(self, total):
        self._set(status=self.Status.RUNNING, total=total, done=0, started_at=timezone.now())

    def mark_progress(self, done):
        self._set(done=done)

    def mark_finished(self, report):
        self._set(
            status=self.Status.FINISHED,
            report=report,
            done=self.total,
            finished_at=timezone.now(),
        )

    def mark_failed(self, error, report=None):
        self._set(
            status=self.Status.FAILED,
            error=error,
            report=report or self.report,
            finished_at=timezone.now(),
        )

    def _set(self, **fields):
        for name, value in fields.items():
            setattr(self, name, value)
        ImportRun.objects.filter(pk=self.pk).update(**fields)


class ImportItem(models.Model):
    """What one run did with one thing in the file (a post, an author, a subscriber...)."""

    class Outcome(models.TextChoices):
        CREATED = "created", "Imported"
        UPDATED = "updated", "Updated"
        UNCHANGED = "unchanged", "Unchanged"
        SKIPPED = "skipped", "Skipped"
        FAILED = "failed", "Failed"

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(max_length=20)
    source_id = models.CharField(max_length=255)
    title = models.CharField(max_length=255, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    reason = models.TextField(blank=True)
    new_url = models.CharField(max_length=1000, blank=True)
    old_urls = models.TextField(blank=True, help_text="One old path a line.")

    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["pk"]
        indexes = [models.Index(fields=["run", "outcome"])]

    def __str__(self):
        return f"{self.kind} {self.source_id}: {self.outcome}"


class ImportedObject(models.Model):
    """Where an object of the site came from: the system, the kind and the id it had there, and
    a checksum of what was imported. A later run finds it here: the same checksum means
    nothing to do, another means the export changed and the object is updated."""

    system = models.CharField(max_length=100, help_text="e.g. wordpress:example.com or ghost")
    kind = models.CharField(max_length=20)
    source_id = models.CharField(max_length=255)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    checksum = models.CharField(max_length=64, blank=True)
    # Links in the body to posts that were not imported yet when it was written.
    links_pending = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)

    wagtail_reference_index_ignore = True

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["system", "kind", "source_id"], name="imports_one_object_per_source"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.system} {self.kind} {self.source_id}"
