import django_filters
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)
from wagtail.snippets.views.snippets import (
    EditView,
    IndexView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from newsdesk.newsletters.admin_views import (
    SEND_PERMISSION,
    ProgressView,
    SendView,
    TestSendView,
)
from newsdesk.newsletters.models import Issue, Newsletter, Subscriber, Subscription


class NewsletterViewSet(SnippetViewSet):
    model = Newsletter
    icon = "mail"
    menu_label = "Newsletters"
    list_display = [
        "name",
        "cadence",
        Column("confirmed_count", label="Confirmed subscribers"),
        BooleanColumn("active"),
    ]
    search_fields = ["name", "description"]
    search_backend_name = None

    def get_queryset(self, request):
        return Newsletter.objects.annotate(
            confirmed_count=Count(
                "subscriptions",
                filter=Q(subscriptions__status=Subscription.Status.CONFIRMED),
            )
        )


class SubscriberFilterSet(WagtailFilterSet):
    newsletter = django_filters.ModelChoiceFilter(
        queryset=Newsletter.objects.all(), method="filter_subscription", label="Newsletter"
    )
    status = django_filters.ChoiceFilter(
        choices=Subscription.Status.choices, method="filter_subscription", label="Subscription"
    )

    class Meta:
        model = Subscriber
        fields = ["suppressed"]

    def filter_subscription(self, queryset, name, value):
        # Newsletter and status describe one subscription together, so filter on both at once.
        wanted = {
            f"subscriptions__{field}": self.form.cleaned_data[field]
            for field in ("newsletter", "status")
            if self.form.cleaned_data.get(field)
        }
        if name == "status" and "subscriptions__newsletter" in wanted:
            return queryset
        return queryset.filter(**wanted).distinct()


class SubscriberPermissionPolicy(ModelPermissionPolicy):
    """Nobody adds subscribers by hand, superusers included: a subscription starts with the
    reader's own confirmation."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action != "add"]
        if not actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(actions)


register_permission_policy(Subscriber, SubscriberPermissionPolicy(Subscriber))

# Who may see readers' addresses at all: the listing's own rule (adding is nobody's right).
SEE_SUBSCRIBERS = ["view", "change", "delete"]


# Wagtail's snippet chooser asks only for access to the admin: without these checks any
# reporter could page through every address, or fetch one per id.
class SubscriberChooseView(PermissionCheckedMixin, ChooseView):
    any_permission_required = SEE_SUBSCRIBERS


class SubscriberChooseResultsView(PermissionCheckedMixin, ChooseResultsView):
    any_permission_required = SEE_SUBSCRIBERS


class SubscriberChosenView(PermissionCheckedMixin, SnippetChosenView):
    any_permission_required = SEE_SUBSCRIBERS


class SubscriberChosenMultipleView(PermissionCheckedMixin, SnippetChosenMultipleView):
    any_permission_required = SEE_SUBSCRIBERS


class SubscriberChooserViewSet(SnippetChooserViewSet):
    choose_view_class = SubscriberChooseView
    choose_results_view_class = SubscriberChooseResultsView
    chosen_view_class = SubscriberChosenView
    chosen_multiple_view_class = SubscriberChosenMultipleView


class SubscriberDeleteBulkAction(DeleteBulkAction):
    """Wagtail's bulk delete page names the rows the user may not delete, and takes `id=all`:
    for subscribers, only staff who may see them get the page."""

    models = [Subscriber]

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_any_permission(request.user, SEE_SUBSCRIBERS):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


# After Wagtail's own snippet actions (order 0), so this one replaces its delete for subscribers.
hooks.register("register_bulk_action", SubscriberDeleteBulkAction, order=1)


# What makes a spreadsheet take a cell for a formula (OWASP's list for CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class SubscriberIndexView(IndexView):
    """Readers choose their addresses and editors name newsletters: in the CSV export a cell
    that starts like a formula gets a leading ' so spreadsheets show it as text. (Wagtail's
    XLSX export already stores such cells as text.)"""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV and str(value).startswith(FORMULA_STARTS):
            return f"'{value}"
        return value


class SubscriberViewSet(SnippetViewSet):
    """Readers' addresses: searchable, exportable as CSV, deletable with all about them."""

    model = Subscriber
    icon = "user"
    menu_label = "Subscribers"
    copy_view_enabled = False
    chooser_viewset_class = SubscriberChooserViewSet
    index_view_class = SubscriberIndexView
    list_display = [
        "email",
        Column("subscription_summary", label="Subscriptions"),
        DateColumn("created_at", label="Signed up"),
        BooleanColumn("suppressed"),
    ]
    list_export = [
        "email",
        "created_at",
        "source_url",
        "subscription_summary",
        "suppressed",
        "suppressed_reason",
        "suppressed_at",
    ]
    export_headings = {"subscription_summary": "Subscriptions", "source_url": "Signed up on"}
    export_filename = "subscribers"
    filterset_class = SubscriberFilterSet
    search_fields = ["email"]
    search_backend_name = None
    list_per_page = 50

    def get_queryset(self, request):
        return Subscriber.objects.prefetch_related(
            Prefetch(
                "subscriptions",
                queryset=Subscription.objects.select_related("newsletter").order_by(
                    "newsletter__sort_order", "newsletter__name"
                ),
            )
        )


class IssueEditView(EditView):
    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        pk = self.object.pk
        if self.request.user.has_perm(SEND_PERMISSION):
            buttons.append(
                Button(
                    "Send a test",
                    url=reverse("newsletters_admin:test", args=[pk]),
                    icon_name="mail",
                    priority=1,
                )
            )
            if self.object.is_editable:
                buttons.append(
                    Button(
                        "Send or schedule",
                        url=reverse("newsletters_admin:send", args=[pk]),
                        icon_name="resubmit",
                        priority=2,
                    )
                )
        if not self.object.is_editable:
            buttons.append(
                Button(
                    "Sending progress",
                    url=reverse("newsletters_admin:progress", args=[pk]),
                    icon_name="history",
                    priority=3,
                )
            )
        return buttons


class IssueViewSet(SnippetViewSet):
    model = Issue
    icon = "doc-full"
    menu_label = "Issues"
    edit_view_class = IssueEditView
    list_display = [
        "subject",
        "newsletter",
        Column("status", accessor="get_status_display", label="Status"),
        Column("progress_summary", label="Sent"),
        DateColumn("started_at", label="Started"),
    ]
    list_filter = ["newsletter", "status"]
    search_fields = ["subject"]
    search_backend_name = None

    def get_queryset(self, request):
        return Issue.objects.select_related("newsletter").with_progress()


class NewsletterGroup(SnippetViewSetGroup):
    items = (IssueViewSet, NewsletterViewSet, SubscriberViewSet)
    menu_icon = "mail"
    menu_label = "Newsletters"
    menu_order = 220


register_snippet(NewsletterGroup)


@hooks.register("register_admin_urls")
def register_issue_action_urls():
    urls = [
        path("<int:pk>/test/", TestSendView.as_view(), name="test"),
        path("<int:pk>/send/", SendView.as_view(), name="send"),
        path("<int:pk>/progress/", ProgressView.as_view(), name="progress"),
    ]
    return [path("newsletters/issues/", include((urls, "newsletters_admin")))]


@hooks.register("register_snippet_listing_buttons")
def progress_listing_button(snippet, user, next_url=None):
    if isinstance(snippet, Issue) and not snippet.is_editable:
        yield Button(
            "Sending progress",
            url=reverse("newsletters_admin:progress", args=[snippet.pk]),
            icon_name="history",
            priority=5,
        )
