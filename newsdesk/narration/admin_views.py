"""Editor-facing views: regenerate an article's narration, and the live status of its panel."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from newsdesk.articles.models import ArticlePage
from newsdesk.narration import tasks
from newsdesk.narration.models import Narration
from newsdesk.narration.panels import panel_context


def regenerate(request, page_id):
    article = get_object_or_404(ArticlePage, pk=page_id)
    if not article.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        next_url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    if request.method == "POST":
        if not article.live:
            messages.error(request, "Publish the article first: narration reads the live text.")
        elif tasks.request_narration(article=article, force=True):
            messages.success(request, f"Narration of “{article.title}” queued.")
        else:
            narration = Narration.objects.get(article=article)
            messages.warning(request, narration.detail or "Nothing to narrate.")
        return redirect(next_url)
    return TemplateResponse(
        request,
        "narration/admin/regenerate.html",
        {
            "article": article,
            "narration": Narration.objects.filter(article=article).first(),
            "next_url": next_url,
            "header_title": "Regenerate narration",
            "page_title": "Regenerate narration",
            "page_subtitle": article.title,
            "header_icon": "media",
        },
    )


def status(request, page_id):
    article = get_object_or_404(ArticlePage, pk=page_id)
    if not article.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return TemplateResponse(
        request,
        "narration/admin/panel_body.html",
        {**panel_context(article, request.user), "request": request},
    )
