from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from newsdesk.livefeed import services
from newsdesk.livefeed.actions import can_publish
from newsdesk.livefeed.forms import QuickPostForm
from newsdesk.livefeed.models import FeedItem

RECENT_COUNT = 20
WAITING_COUNT = 50


class QuickPostView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """Write, post, done: the update is on every open page a moment later."""

    model = FeedItem
    permission_required = "add"
    form_class = QuickPostForm
    template_name = "livefeed/admin/quick_post.html"
    page_title = "News feed"
    header_icon = "pilcrow"

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.page_title}]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        try:
            item = form.post()
        except PermissionDenied as refusal:
            form.add_error(None, str(refusal))
            return self.form_invalid(form)
        if item.live:
            messages.success(self.request, f"Posted: “{item}”")
        else:
            messages.success(self.request, f"Sent to the editors: “{item}”")
        return redirect(reverse("livefeed_admin:quick_post"))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        viewset = FeedItem.snippet_viewset
        policy = viewset.permission_policy
        user = self.request.user
        context.update(
            recent=FeedItem.objects.visible()
            .latest_first()
            .select_related("author")[:RECENT_COUNT],
            waiting=FeedItem.objects.awaiting_publication()
            .latest_first()
            .select_related("author", "latest_revision__user")[:WAITING_COUNT],
            can_publish=can_publish(user),
            can_change=policy.user_has_permission(user, "change"),
            can_remove=policy.user_has_permission(user, "delete"),
            edit_url_name=viewset.get_url_name("edit"),
            remove_url_name=viewset.get_url_name("delete"),
            all_url=reverse(viewset.get_url_name("list")),
            media=context["form"].media,
        )
        return context


class PublishView(PermissionCheckedMixin, View):
    """One click from the news feed page: a held update (or a correction) goes out."""

    model = FeedItem
    permission_required = "publish"

    def post(self, request, pk):
        item = get_object_or_404(FeedItem.objects.not_removed(), pk=pk)
        item = services.publish_item(item=item, user=request.user)
        messages.success(request, f"Published: “{item}”")
        return redirect(reverse("livefeed_admin:quick_post"))
