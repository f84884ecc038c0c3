"""Admin pages around an issue: send a test, send now or schedule, watch it go out."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from newsdesk.newsletters import issues, tasks
from newsdesk.newsletters.forms import ScheduleForm, TestSendForm
from newsdesk.newsletters.models import Issue

SEND_PERMISSION = "newsletters.send_issue"


class IssueActionMixin(WagtailAdminTemplateMixin):
    header_icon = "mail"
    permission = SEND_PERMISSION

    def dispatch(self, request, *args, pk, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        self.issue = get_object_or_404(Issue.objects.select_related("newsletter"), pk=pk)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.issue.subject

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailsnippets_newsletters_issue:list"), "label": "Issues"},
            {
                "url": reverse("wagtailsnippets_newsletters_issue:edit", args=[self.issue.pk]),
                "label": self.issue.subject,
            },
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(issue=self.issue, **kwargs)


class TestSendView(IssueActionMixin, FormView):
    page_title = "Send a test"
    template_name = "newsletters/admin/test_send.html"
    form_class = TestSendForm

    def get_initial(self):
        return {"email": self.request.user.email}

    def form_valid(self, form):
        address = form.cleaned_data["email"]
        try:
            issues.send_test(issue=self.issue, to=address)
        except (OSError, ValueError, ValidationError) as error:
            form.add_error(None, f"The test could not be sent: {error}")
            return self.form_invalid(form)
        messages.success(self.request, f"Test of “{self.issue.subject}” sent to {address}.")
        return redirect("wagtailsnippets_newsletters_issue:edit", self.issue.pk)


class SendView(IssueActionMixin, FormView):
    page_title = "Send"
    template_name = "newsletters/admin/send.html"
    form_class = ScheduleForm

    def get(self, request, *args, **kwargs):
        if not self.issue.is_editable:
            return redirect("newsletters_admin:progress", self.issue.pk)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            recipients=issues.recipient_count(self.issue),
            articles=self.issue.get_articles(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") == "cancel":
            if issues.cancel_schedule(issue=self.issue):
                messages.success(request, "The issue will not be sent; it is a draft again.")
            return redirect("wagtailsnippets_newsletters_issue:edit", self.issue.pk)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        when = form.cleaned_data["when"] or timezone.now()
        try:
            tasks.schedule(issue=self.issue, when=when)
        except issues.SendingError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        if self.issue.scheduled_at > timezone.now() + timedelta(seconds=5):
            local = timezone.localtime(self.issue.scheduled_at)
            messages.success(
                self.request, f"“{self.issue.subject}” will be sent {local:%b %-d, %Y %H:%M}."
            )
            return redirect("wagtailsnippets_newsletters_issue:list")
        messages.success(self.request, f"Sending “{self.issue.subject}”.")
        return redirect("newsletters_admin:progress", self.issue.pk)


class ProgressView(IssueActionMixin, TemplateView):
    page_title = "Sending progress"
    template_name = "newsletters/admin/progress.html"
    permission = "newsletters.change_issue"

    def get_context_data(self, **kwargs):
        progress = issues.get_progress(self.issue)
        return super().get_context_data(
            progress=progress,
            refresh=self.issue.status in (Issue.Status.SENDING, Issue.Status.SCHEDULED),
            **kwargs,
        )
