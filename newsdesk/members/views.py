"""The reader's pages: /support/ (shared from the page cache: nothing in it is per reader),
and /account/ with its forms (never cached; Django's CSRF token on each form)."""

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from newsdesk.articles.models import ArticlePage
from newsdesk.core import ratelimit
from newsdesk.core.csrf import same_origin_only
from newsdesk.core.editions import active_language
from newsdesk.members import mail, services, signin
from newsdesk.members import stripe_gateway as gateway
from newsdesk.members.forms import DonationForm, MembershipForm
from newsdesk.members.models import SYMBOLS, SupportSettings, Tier, money
from newsdesk.members.templatetags.members_tags import said

# The currency a donation starts in on each edition; USD elsewhere.
EDITION_CURRENCIES = {"uk": "uah"}
CURRENCY_ORDER = ["usd", "eur", "uah"]


def support(request):
    response = render(request, "members/support.html", support_context(request))
    if not gateway.configured():
        # Not kept by the page cache or nginx while payments are not set up: once the keys are
        # set and the site restarted, the next reader gets the working buttons.
        patch_cache_control(response, no_cache=True)
    return response


def support_context(request, form=None):
    """What /support/ shows; `form` is a donation form the server refused, shown with its
    errors and the reader's choices kept."""
    prompts = SupportSettings.for_request(request)
    language = active_language()
    data = form.data if form is not None else {}
    currency = data.get("currency")
    if currency not in SYMBOLS:
        currency = EDITION_CURRENCIES.get(language, "usd")
    groups = []
    for currencies, amounts in ((["usd", "eur"], prompts.amounts), (["uah"], prompts.amounts_uah)):
        checked = str(amounts[min(1, len(amounts) - 1)]) if amounts else ""
        if form is not None:
            checked = data.get("amount") if currency in currencies else ""
        elif currency not in currencies:
            checked = ""
        shown = currency if currency in currencies else currencies[0]
        groups.append(
            {
                "currencies": currencies,
                "amounts": [
                    {"value": a, "label": money(a * 100, shown), "checked": str(a) == checked}
                    for a in amounts
                ],
            }
        )
    errors = []
    if form is not None:
        errors = [error for field_errors in form.errors.values() for error in field_errors]
    return {
        "lead": said(prompts, "front_prompt_text"),
        "tiers": Tier.objects.filter(active=True, locale__language_code=language),
        "payments_ready": gateway.configured(),
        "currencies": [(code, code.upper(), SYMBOLS[code]) for code in CURRENCY_ORDER],
        "amount_groups": groups,
        "chosen": {
            "currency": currency,
            "sign": SYMBOLS[currency],
            "frequency": data.get("frequency", "once"),
            "custom_amount": data.get("custom_amount", ""),
        },
        "errors": errors,
        "custom_invalid": form is not None and "custom_amount" in form.errors,
    }


def _absolute(name):
    return settings.SITE_URL + reverse(name)


def _message(request, heading, message, status):
    return render(
        request, "members/message.html", {"heading": heading, "message": message}, status=status
    )


def _payment_problem(request):
    return _message(
        request,
        _("Payment could not start"),
        _("We could not reach our payment provider. Please try again in a minute."),
        502,
    )


def _not_set_up(request):
    return _message(
        request,
        _("Payments are not set up yet"),
        _(
            "This site cannot take donations or memberships yet. Thank you for wanting to "
            "help: please come back soon."
        ),
        503,
    )


@same_origin_only  # no token: the forms sit on /support/, shared from the cache
@ratelimit.form_rate_limit("support-checkout")
@require_POST
def checkout(request):
    if not gateway.configured():
        return _not_set_up(request)
    reader = signin.current_reader(request)
    language = active_language()
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
                language=language,
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
                language=language,
                **urls,
            )
    except gateway.Error:
        return _payment_problem(request)
    return HttpResponseRedirect(session.url, status=303)


def _invalid(request, form):
    if isinstance(form, DonationForm):
        return render(request, "members/support.html", support_context(request, form), status=400)
    return _message(request, _("Please check the form"), _("Choose a membership level."), 400)


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
        return HttpResponse(_("For members only."), status=403, content_type="text/plain")
    return render(request, "members/body.html", {"page": page})
