from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, SnippetViewSet

from newsdesk.livefeed.actions import (
    PIN_PERMISSION,
    CorrectFeedItem,
    PostFeedItem,
    RemoveFeedItem,
)
from newsdesk.livefeed.admin_views import PublishView, QuickPostView
from newsdesk.livefeed.models import FeedItem


class RemoveView(DeleteView):
    # Runs RemoveFeedItem (registered below): the item leaves the feed, its history stays.
    success_message = "“%(object)s” was removed from the feed and from every open page."


class FeedItemViewSet(SnippetViewSet):
    model = FeedItem
    delete_view_class = RemoveView
    icon = "pilcrow"
    menu_label = "Feed items"
    add_to_admin_menu = False
    list_display = ["__str__", "published_at", "pinned", "edited_at", "author"]
    list_filter = ["pinned", "locale"]
    search_fields = ["text"]
    search_backend_name = None
    panels = [
        FieldPanel("text"),
        FieldPanel("locale"),
        FieldPanel("article", heading="Article"),
        FieldPanel("section"),
        FieldPanel("image"),
        FieldPanel("pinned", permission=PIN_PERMISSION),
    ]

    def get_queryset(self, request):
        # Removed items stay in the database with their revisions, out of the editors' way;
        # held ones are listed (as drafts) for an editor to publish.
        return FeedItem.objects.not_removed().select_related("author")


register_snippet(FeedItemViewSet)


class QuickPostMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("livefeed.add_feeditem")


@hooks.register("register_admin_urls")
def register_quick_post_url():
    urls = [
        path("", QuickPostView.as_view(), name="quick_post"),
        path("<int:pk>/publish/", PublishView.as_view(), name="publish"),
    ]
    return [path("news-feed/", include((urls, "livefeed_admin")))]


@hooks.register("register_admin_menu_item")
def register_quick_post_menu_item():
    return QuickPostMenuItem(
        "News feed", reverse("livefeed_admin:quick_post"), icon_name="pilcrow", order=150
    )


@hooks.register("construct_snippet_action_menu")
def publish_first(menu_items, request, context):
    # Who may publish corrects an update in one step: Publish is the main button, not a draft.
    if context["model"] is FeedItem:
        menu_items.sort(key=lambda item: item.name != "action-publish")


@hooks.register("register_actions")
def register_feed_actions(registry):
    for action in (PostFeedItem, CorrectFeedItem, RemoveFeedItem):
        registry.register(FeedItem, action)


@hooks.register("register_log_actions")
def register_feed_log_actions(actions):
    actions.register_action("livefeed.remove", "Remove from the feed", "Removed from the feed")
