"""/account/: sign-in by emailed code or link, and the signed-in reader's page. Never cached;
every form carries Django's CSRF token. Sign-in answers the same whether or not an account
exists for the address (one is made on first sign-in), so nothing can be learned from it."""

import contextlib

from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from newsdesk.core import personal_data, ratelimit
from newsdesk.core.editions import active_language
from newsdesk.members import services, signin
from newsdesk.members import stripe_gateway as gateway
from newsdesk.members.forms import CodeForm, DeleteForm, EmailForm
from newsdesk.members.models import Donation
from newsdesk.members.views import send_code

signin_limit = ratelimit.form_rate_limit("members-sign-in")


def _next(data):
    """Where a reader goes once signed in: back to /support/ when they came from a tier's
    button there ("support"); else their account page."""
    return "support" if data.get("next") == "support" else ""


def _signed_in(reader, *, to=None):
    services.remember_language(reader, active_language())
    response = HttpResponseRedirect(to or reverse("members:account"))
    signin.sign_in(response, reader)
    return response


@never_cache
def account(request):
    reader = signin.current_reader(request)
    if reader is None:
        context = {"form": EmailForm(), "next": _next(request.GET)}
        return render(request, "members/sign_in.html", context)
    context = {
        "reader": reader,
        "membership": getattr(reader, "membership", None),
        "donations": Donation.objects.filter(reader=reader),
        "held_elsewhere": personal_data.describe(reader.email),
        "email_form": EmailForm(),
        "delete_form": DeleteForm(),
    }
    response = render(request, "members/account.html", context)
    signin.set_member_cookie(response, reader)
    return response


@never_cache
@signin_limit
@require_POST
def request_code(request):
    form = EmailForm(request.POST)
    next_page = _next(request.POST)
    if not form.is_valid():
        context = {"form": form, "next": next_page}
        return render(request, "members/sign_in.html", context, status=400)
    email = signin.normalise(form.cleaned_data["email"])
    send_code(request, email=email)
    code_form = CodeForm(initial={"email": email})
    context = {
        "form": code_form,
        "email": email,
        "minutes": settings.SIGNIN_CODE_MINUTES,
        "next": next_page,
    }
    return render(request, "members/enter_code.html", context)


@never_cache
@signin_limit
@require_POST
def enter_code(request):
    form = CodeForm(request.POST)
    row = None
    if form.is_valid():
        email = signin.normalise(form.cleaned_data["email"])
        row = signin.redeem_code(email=email, code=form.cleaned_data["code"])
        if row is None:
            form.add_error("code", _("That code is wrong or has expired. Ask for a new one."))
    if row is None:
        context = {
            "form": form,
            "email": request.POST.get("email", ""),
            "minutes": settings.SIGNIN_CODE_MINUTES,
            "next": _next(request.POST),
        }
        return render(request, "members/enter_code.html", context, status=400)
    to = reverse("members:support") if _next(request.POST) else None
    return _signed_in(signin.reader_for(row), to=to)


@never_cache
@signin_limit
@require_http_methods(["GET", "HEAD", "POST"])
def link(request, token):
    """GET shows a button (mail scanners open links); POST signs in, or confirms a new
    email address."""
    if request.method != "POST":
        valid = signin.link_row(token) is not None
        return render(request, "members/link.html", {"token": token, "valid": valid})
    row = signin.redeem_link(token)
    if row is None:
        return render(request, "members/link.html", {"valid": False}, status=400)
    if row.purpose == "change-email" and row.reader is not None:
        if not services.change_email(reader=row.reader, email=row.email):
            return _message(request, _("That address is taken"), _("Another account uses it."), 409)
        row.reader.refresh_from_db()
        return _signed_in(row.reader)
    return _signed_in(signin.reader_for(row))


def _message(request, heading, message, status=200):
    return render(
        request, "members/message.html", {"heading": heading, "message": message}, status=status
    )


def reader_required(view):
    def wrapper(request, *args, **kwargs):
        reader = signin.current_reader(request)
        if reader is None:
            return HttpResponseRedirect(reverse("members:account"))
        return view(request, reader, *args, **kwargs)

    return never_cache(require_POST(wrapper))


@reader_required
def sign_out(request, reader):
    response = HttpResponseRedirect(reverse("members:account"))
    signin.sign_out(response)
    return response


@signin_limit
@reader_required
def change_email(request, reader):
    form = EmailForm(request.POST)
    if not form.is_valid():
        return _message(
            request, _("Please check the address"), _("Enter a valid email address."), 400
        )
    email = signin.normalise(form.cleaned_data["email"])
    send_code(request, email=email, purpose="change-email", reader=reader)
    return _message(
        request,
        _("Check your new inbox"),
        _(
            "We sent a link to %(email)s. Open it within %(minutes)s minutes to move your "
            "account to that address."
        )
        % {"email": email, "minutes": settings.SIGNIN_CODE_MINUTES},
    )


@reader_required
def delete(request, reader):
    if not DeleteForm(request.POST).is_valid():
        return _message(request, _("Nothing deleted"), _("Tick the box to confirm."), 400)
    # Deleted here even when Stripe cannot be reached: the customer then stays in Stripe's
    # records until removed there.
    with contextlib.suppress(gateway.Error):
        services.delete_reader(reader=reader)
    response = _message(
        request, _("Your account is deleted"), _("We no longer hold anything about you.")
    )
    signin.sign_out(response)
    return response


@reader_required
def portal(request, reader):
    if not reader.stripe_customer_id:
        return HttpResponseRedirect(reverse("members:support"))
    try:
        url = gateway.portal_url(
            customer_id=reader.stripe_customer_id,
            return_url=settings.SITE_URL + reverse("members:account"),
        )
    except gateway.Error:
        return _message(
            request, _("Try again soon"), _("We could not reach our payment provider."), 502
        )
    return HttpResponseRedirect(url, status=303)
