from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.images.models import AbstractImage, AbstractRendition, Image

from newsdesk.core import translated_words


class NewsImage(AbstractImage):
    """A photo with what a newsroom must print beside it: alt text, caption and credit."""

    alt_text = models.CharField(
        max_length=300,
        blank=True,
        help_text="What the picture shows, for readers who cannot see it.",
    )
    caption = models.TextField(blank=True, help_text="Printed under the picture.")
    photographer = models.CharField(max_length=120, blank=True)
    agency = models.CharField(max_length=120, blank=True, help_text="Agency or owner, if any.")
    # The alt text and caption in the other editions' languages (a translated article keeps
    # its photo): newsdesk.core.translated_words, edited in the image's form (core/forms.py).
    translations = translated_words.translations_field()

    admin_form_fields = (
        "title",
        "file",
        "alt_text",
        "caption",
        "photographer",
        "agency",
        "collection",
        "tags",
        "focal_point_x",
        "focal_point_y",
        "focal_point_width",
        "focal_point_height",
    )

    class Meta(AbstractImage.Meta):
        verbose_name = "image"
        verbose_name_plural = "images"
        permissions = Image._meta.permissions

    @property
    def credit(self):
        return " / ".join(part for part in (self.photographer, self.agency) if part)

    @property
    def default_alt_text(self):
        """In the language of the edition being served, where the image has one."""
        return translated_words.in_language(self, "alt_text") or self.description or self.title

    @property
    def localized_caption(self):
        return translated_words.in_language(self, "caption")


class NewsRendition(AbstractRendition):
    image = models.ForeignKey(NewsImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


@register_setting(icon="site")
class NewsroomSettings(BaseGenericSetting):
    """What the masthead and footer say about the newsroom."""

    tagline = models.CharField(max_length=200, blank=True)
    about = models.TextField(blank=True, help_text="One or two sentences for the footer.")
    contact_email = models.EmailField(blank=True)
    copyright_holder = models.CharField(max_length=200, blank=True)

    panels = [
        FieldPanel("tagline"),
        FieldPanel("about"),
        FieldPanel("contact_email"),
        FieldPanel("copyright_holder"),
    ]

    class Meta:
        verbose_name = "newsroom settings"


class WorkerHeartbeat(models.Model):
    """A task worker's sign of life, written every few seconds while it runs.

    A task left RUNNING by a worker whose heartbeat stopped is re-queued: that is how a killed
    worker is told from a slow one.
    """

    worker_id = models.CharField(max_length=64, primary_key=True)
    hostname = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    queues = models.CharField(max_length=255)
    started_at = models.DateTimeField()
    last_seen = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = "worker heartbeat"

    def __str__(self):
        return f"{self.worker_id} on {self.hostname} (pid {self.pid})"
