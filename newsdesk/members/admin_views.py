"""The admin's revenue view: totals and charts only, nothing about one reader."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from newsdesk.members import revenue

REVENUE_PERMISSION = "members.view_revenue"


def revenue_view(request):
    if not request.user.has_perm(REVENUE_PERMISSION):
        raise PermissionDenied
    return render(request, "members/admin/revenue.html", revenue.figures())
