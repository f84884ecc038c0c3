from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from newsdesk.articles.models import ArticlePage
from newsdesk.narration import admin_views, tasks
from newsdesk.narration.models import LexiconEntry, Narration


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


class ViewOnlyPolicy(ModelPermissionPolicy):
    """Narrations change through publishing and the worker only: nobody adds or edits them."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


register_permission_policy(Narration, ViewOnlyPolicy(Narration))


class NarrationViewSet(ModelViewSet):
    """Reports > Narration: every article's narration status in one list, failures first to see."""

    model = Narration
    icon = "media"
    menu_label = "Narration"
    menu_hook = "register_reports_menu_item"
    list_filter = ["status"]
    ordering = ["-updated_at"]
    inspect_view_enabled = False
    copy_view_enabled = False
    exclude_form_fields = []  # the policy allows no add or edit view

    @property
    def list_display(self):
        return [
            TitleColumn(
                "article",
                label="Article",
                get_url=lambda narration: reverse(
                    "wagtailadmin_pages:edit", args=[narration.article_id]
                ),
            ),
            Column("status_label", label="Status"),
            Column("duration_label", label="Length"),
            Column("detail", label="Note"),
            DateColumn("updated_at", label="Updated"),
        ]

    def get_queryset(self, request):
        return Narration.objects.select_related("article")


@hooks.register("register_admin_viewset")
def register_narration_report():
    return NarrationViewSet("narration_report")


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def lexicon_entry_saved(request, instance):
    if isinstance(instance, LexiconEntry):
        tasks.lexicon_changed(entries=[instance])


@hooks.register("after_delete_snippet")
def lexicon_entries_deleted(request, instances):
    tasks.lexicon_changed(entries=[i for i in instances if isinstance(i, LexiconEntry)])


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
