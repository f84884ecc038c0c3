from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from newsdesk.articles.models import ArticlePage
from newsdesk.narration import admin_views, services
from newsdesk.narration.models import LexiconEntry


class LexiconViewSet(SnippetViewSet):
    model = LexiconEntry
    icon = "comment"
    menu_label = "Pronunciations"
    menu_order = 400
    add_to_admin_menu = True
    list_display = ["term", "say", "updated_at"]
    search_fields = ["term"]
    ordering = ["term"]


register_snippet(LexiconViewSet)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def lexicon_entry_saved(request, instance):
    if isinstance(instance, LexiconEntry):
        services.lexicon_changed(entries=[instance])


@hooks.register("after_delete_snippet")
def lexicon_entries_deleted(request, instances):
    services.lexicon_changed(entries=[i for i in instances if isinstance(i, LexiconEntry)])


@hooks.register("register_admin_urls")
def narration_admin_urls():
    return [
        path(
            "narration/<int:page_id>/regenerate/",
            admin_views.regenerate,
            name="narration_regenerate",
        ),
        path("narration/<int:page_id>/status/", admin_views.status, name="narration_status"),
    ]


class RegenerateNarrationButton(PageMenuItem):
    label = "Regenerate narration"
    icon_name = "media"

    def is_shown(self, user):
        return (
            issubclass(self.page.specific_class or type(None), ArticlePage)
            and self.page.live
            and self.page.permissions_for_user(user).can_publish()
        )

    @property
    def url(self):
        url = reverse("narration_regenerate", args=[self.page.pk])
        return f"{url}?next={self.next_url}" if self.next_url else url


@hooks.register("register_page_header_buttons")
def regenerate_header_button(page, user, view_name, next_url=None):
    yield RegenerateNarrationButton(page=page, next_url=next_url, priority=80)


@hooks.register("register_page_listing_more_buttons")
def regenerate_listing_button(page, user, next_url=None):
    yield RegenerateNarrationButton(page=page, next_url=next_url, priority=80)
