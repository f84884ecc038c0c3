"""The "Narration" panel in the article editor: status, progress, error, audio preview and a
link to regenerate."""

from django.forms import Media
from wagtail.admin.panels import Panel

from newsdesk.narration.models import Narration


def panel_context(article, user):
    narration = Narration.objects.filter(article=article).first() if article.pk else None
    return {
        "article": article,
        "narration": narration,
        "can_regenerate": bool(
            article.pk and article.live and article.permissions_for_user(user).can_publish()
        ),
    }


class NarrationPanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", "Narration")
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "narration"

    class BoundPanel(Panel.BoundPanel):
        template_name = "narration/admin/panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context.update(panel_context(self.instance, self.request.user))
            return context

        @property
        def media(self):
            return Media(js=["narration/admin.js"])
