from django.shortcuts import render
from django.template.loader import get_template
from django.views.decorators.csrf import requires_csrf_token


@requires_csrf_token
def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without context processors: the database may be what failed.
    from django.http import HttpResponseServerError

    return HttpResponseServerError(get_template("500.html").render())
