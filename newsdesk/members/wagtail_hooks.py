from django.db.models import Prefetch
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from newsdesk.core.tasks import enqueue_on_commit
from newsdesk.members import tasks
from newsdesk.members.admin_views import REVENUE_PERMISSION, revenue_view
from newsdesk.members.models import MembershipChange, Reader, Tier


class TierViewSet(SnippetViewSet):
    """Membership tiers; each save syncs its product and prices to Stripe (in the worker)."""

    model = Tier
    icon = "pick"
    menu_label = "Membership tiers"
    list_display = ["name", "locale", "monthly_price", "yearly_price", "active"]
    list_filter = ["locale"]


class ReaderViewSet(ModelViewSet):
    """Members and donors, with their status and history, and a CSV export (Wagtail's own).
    Needs the view_reader permission: addresses and payments are personal."""

    model = Reader
    icon = "group"
    menu_label = "Members and donors"
    add_to_admin_menu = True
    menu_order = 350
    list_display = [
        "email",
        Column("membership_status", label="Membership"),
        Column("tier_name", label="Tier"),
        Column("donation_count", label="Donations"),
        DateColumn("created_at", label="Signed up"),
    ]
    list_filter = ["membership__status"]
    search_fields = ["email"]
    search_backend_name = None
    list_export = [
        "email",
        "created_at",
        "membership_status",
        "tier_name",
        "membership_price",
        "donation_count",
        "history",
    ]
    export_filename = "members-and-donors"
    inspect_view_enabled = True
    inspect_view_fields = ["email", "created_at", "membership", "history"]
    form_fields = ["email"]

    def get_queryset(self, request):
        return Reader.objects.select_related("membership__tier").prefetch_related(
            Prefetch("membership__changes", queryset=MembershipChange.objects.all()),
            "donations",
        )


register_snippet(TierViewSet)


@hooks.register("register_admin_viewset")
def register_reader_viewset():
    return ReaderViewSet("readers")


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def sync_tier(request, instance):
    if isinstance(instance, Tier):
        enqueue_on_commit(tasks.sync_tier, instance.pk)


@hooks.register("register_admin_urls")
def revenue_urls():
    return [path("revenue/", revenue_view, name="members_revenue")]


class RevenueMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REVENUE_PERMISSION)


@hooks.register("register_admin_menu_item")
def revenue_menu_item():
    return RevenueMenuItem("Revenue", reverse("members_revenue"), icon_name="table", order=351)
