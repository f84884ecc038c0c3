"""The reader's pages: /support/ (shared from the page cache: nothing in it is per reader),
and /account/ with its forms (never cached; Django's CSRF token on each form)."""

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from newsdesk.articles.models import ArticlePage
from newsdesk.core import ratelimit
from newsdesk.core.csrf import same_origin_only
from newsdesk.members import mail, services, signin
from newsdesk.members import stripe_gateway as gateway
from newsdesk.members.forms import DonationForm, MembershipForm
from newsdesk.members.models import Tier


def support(request):
    tiers = Tier.objects.filter(active=True)
    return render(request, "members/support.html", {"tiers": tiers})


def _absolute(name):
    return settings.SITE_URL + reverse(name)


def _payment_problem(request):
    return render(
        request,
        "members/message.html",
        {
            "heading": "Payment could not start",
            "message": "We could not reach our payment provider. Please try again in a minute.",
        },
        status=502,
    )


@same_origin_only  # no token: the forms sit on /support/, shared from the cache
@ratelimit.form_rate_limit("support-checkout")
@require_POST
def checkout(request):
    reader = signin.current_reader(request)
    urls = {
        "success_url": _absolute("members:thanks") + "?session_id={CHECKOUT_SESSION_ID}",
        "cancel_url": _absolute("members:support"),
    }
    try:
        if request.POST.get("kind") == "membership":
            form = MembershipForm(request.POST)
            if reader is None:
                return HttpResponseRedirect(reverse("members:account") + "?next=support")
            if not form.is_valid():
                return _invalid(request, form)
            session = services.start_membership(
                reader=reader,
                tier=form.cleaned_data["tier"],
                interval=form.cleaned_data["interval"],
                **urls,
            )
        else:
            form = DonationForm(request.POST)
            if not form.is_valid():
                return _invalid(request, form)
            session = services.start_donation(
                reader=reader,
                email=reader.email if reader else "",
                amount=form.cleaned_data["minor_units"],
                currency=form.cleaned_data["currency"],
                monthly=form.cleaned_data["frequency"] == "monthly",
                **urls,
            )
    except gateway.Error:
        return _payment_problem(request)
    return HttpResponseRedirect(session.url, status=303)


def _invalid(request, form):
    errors = [error for errors in form.errors.values() for error in errors]
    return render(
        request,
        "members/message.html",
        {"heading": "Please check the form", "message": " ".join(errors)},
        status=400,
    )


@never_cache
def thanks(request):
    return render(request, "members/thanks.html")


@never_cache
def status(request):
    """For the browser: whether to show prompts and the account link. Refreshes the member
    cookie, so a membership that ended stops hiding the prompts."""
    reader = signin.current_reader(request)
    member = reader is not None and reader.active_membership is not None
    response = JsonResponse({"signed_in": reader is not None, "member": member})
    if reader is not None or signin.MEMBER_COOKIE in request.COOKIES:
        signin.set_member_cookie(response, reader)
    return response


def send_code(request, *, email, purpose="sign-in", reader=None):
    """Mail a sign-in (or email change) code and link, unless this address had too many."""
    decision = ratelimit.hit(
        f"members-{purpose}-email",
        email,
        limit=settings.SIGNIN_EMAIL_LIMIT,
        window=settings.SIGNIN_EMAIL_WINDOW,
    )
    if not decision.allowed:
        return  # the same answer as a sent mail: nothing tells whether an account exists
    row, code, token = signin.issue(email=email, purpose=purpose, reader=reader)
    link = settings.SITE_URL + reverse("members:link", args=[token])
    mail.send(
        "sign_in" if purpose == "sign-in" else "change_email",
        to=email,
        context={"code": code, "link": link, "minutes": settings.SIGNIN_CODE_MINUTES},
    )


@never_cache
def members_body(request, page_id):
    """The rest of a members-only story, for a current member's browser; never cached."""
    page = get_object_or_404(ArticlePage.objects.live().public(), pk=page_id, members_only=True)
    reader = signin.current_reader(request)
    if reader is None or reader.active_membership is None:
        return HttpResponse("For members only.", status=403, content_type="text/plain")
    return render(request, "members/body.html", {"page": page})
