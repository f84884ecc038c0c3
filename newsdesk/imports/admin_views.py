"""Settings > Import: upload an export, read the dry-run report, start, follow the progress,
keep the report. Administrators only: an import writes the whole site."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from newsdesk.imports import services, tasks
from newsdesk.imports.forms import ImportForm
from newsdesk.imports.models import ImportRun


def administrators_only(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def admin_page(request, template, title, **context):
    return TemplateResponse(
        request,
        template,
        {"page_title": title, "header_title": title, "header_icon": "upload", **context},
    )


@administrators_only
def index(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        run = services.upload(
            source=form.cleaned_data["source"],
            uploaded_file=form.cleaned_data["file"],
            options=form.options,
            user=request.user,
        )
        transaction.on_commit(lambda: tasks.analyse_import.enqueue(run.pk))
        return redirect("imports_admin:run", run.pk)
    runs = ImportRun.objects.select_related("created_by")[:30]
    return admin_page(request, "imports/admin/index.html", "Import", form=form, runs=runs)


@administrators_only
def run_detail(request, pk):
    run = get_object_or_404(ImportRun, pk=pk)
    finished = run.status in (ImportRun.Status.FINISHED, ImportRun.Status.FAILED)
    return admin_page(
        request,
        "imports/admin/run.html",
        f"Import: {run.file_name}",
        run=run,
        refresh=run.in_progress,
        analysis_lines=services.summary(run.analysis),
        report_lines=services.summary(run.report),
        items=services.report_items(run) if finished else [],
        elapsed=services.elapsed(run),
    )


@administrators_only
@require_POST
def start(request, pk):
    run = get_object_or_404(ImportRun, pk=pk)
    if run.mark_queued():
        transaction.on_commit(lambda: tasks.run_import.enqueue(run.pk))
    return redirect("imports_admin:run", run.pk)


@administrators_only
def redirects_csv(request, pk):
    run = get_object_or_404(ImportRun, pk=pk)
    response = HttpResponse(services.redirects_csv(run=run), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="import-{run.pk}-urls.csv"'
    return response
