from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from newsdesk.core import ratelimit
from newsdesk.core.csrf import is_cross_site, same_origin_only
from newsdesk.core.editions import active_language
from newsdesk.newsletters import services, tasks, tokens
from newsdesk.newsletters.forms import SignupForm, UnsubscribePageForm
from newsdesk.newsletters.models import Newsletter, Subscriber, Subscription

THANKS = gettext_lazy("Thank you for signing up. We've sent you a confirmation email.")
TOO_MANY = gettext_lazy(
    "Too many sign-ups from your network. Please try again in {minutes} minutes."
)


def index(request):
    newsletters = Newsletter.objects.active().in_edition().select_related("host")
    return render(request, "newsletters/index.html", {"newsletters": newsletters})


def _signup_response(request, *, status, message="", form=None):
    if "application/json" in request.headers.get("Accept", ""):
        errors = {name: list(messages) for name, messages in (form.errors if form else {}).items()}
        return JsonResponse(
            {"ok": status == 200, "message": message, "errors": errors}, status=status
        )
    return render(
        request,
        "newsletters/signup_result.html",
        {"message": message, "form": form, "ok": status == 200},
        status=status,
    )


@same_origin_only  # no token: the form sits on pages shared from the cache
@require_POST
def subscribe(request):
    """The sign-up form's target: JSON for the form's script, a result page without it."""
    by_ip = ratelimit.hit(
        "newsletter-signup-ip",
        ratelimit.client_ip(request),
        limit=settings.NEWSLETTER_SIGNUPS_PER_IP,
        window=settings.NEWSLETTER_SIGNUP_WINDOW,
    )
    if not by_ip.allowed:
        minutes = max(1, round(by_ip.retry_after / 60))
        response = _signup_response(request, status=429, message=TOO_MANY.format(minutes=minutes))
        response["Retry-After"] = str(by_ip.retry_after)
        return response
    form = SignupForm(request.POST)
    if not form.is_valid():
        return _signup_response(request, status=400, form=form)
    if not form.is_bot:
        email = form.cleaned_data["email"]
        if _may_mail(email):
            tasks.sign_up(
                email=email,
                newsletters=form.chosen_newsletters,
                source_url=form.cleaned_data["source"],
                language=active_language(),
            )
    return _signup_response(request, status=200, message=THANKS)


def _may_mail(email):
    """Repeated sign-ups of one address are answered alike but mail nothing more: no flooding
    someone's inbox with confirmation requests they never asked for."""
    return ratelimit.hit(
        "newsletter-signup-address",
        email,
        limit=settings.NEWSLETTER_SIGNUPS_PER_ADDRESS,
        window=settings.NEWSLETTER_SIGNUP_WINDOW,
    ).allowed


def per_link(request):
    """Unsubscribe posts are counted per link, not per address: one-click unsubscribes from a
    big mail provider all come from a few of its servers."""
    return request.path


@never_cache
@require_http_methods(["GET", "POST"])
@ratelimit.form_rate_limit("newsletter-confirm")
def confirm(request, token):
    """GET shows a button (mail scanners follow links); POST confirms."""
    if request.method == "POST":
        check = tasks.confirm(token=token)
        if check.state == "valid":
            return render(request, "newsletters/confirmed.html", {"newsletters": check.newsletters})
    else:
        check = services.check_confirm_token(token)
        if check.state == "valid":
            return render(
                request,
                "newsletters/confirm.html",
                {"newsletters": check.newsletters, "token": token},
            )
    return render(
        request,
        "newsletters/confirm_problem.html",
        {"state": check.state, "token": token},
        status=410 if check.state == "expired" else 400 if check.state == "invalid" else 200,
    )


@never_cache
@require_POST
@ratelimit.form_rate_limit("newsletter-resend")
def resend_confirmation(request, token):
    """From the page of an expired link: send a fresh one to the same address."""
    check = services.check_confirm_token(token)
    sent = False
    if check.state == "expired":
        sent = _may_mail(check.subscriber.email) and tasks.send_new_confirmation(token=token)
    return render(
        request,
        "newsletters/confirm_problem.html",
        {"state": "resent" if sent else check.state, "token": token},
    )


def is_one_click(request):
    """RFC 8058's unsubscribe POST, which mail providers send (from their servers, or from a
    webmail page: with any Origin, or none)."""
    return request.POST.get("List-Unsubscribe") == "One-Click"


@never_cache
@csrf_exempt  # RFC 8058's one-click POST; the page's own forms are checked below
@require_http_methods(["GET", "POST"])
@ratelimit.form_rate_limit("newsletter-unsubscribe", key=per_link)
def unsubscribe(request, token):
    try:
        subscriber_id, newsletter_id = tokens.read_unsubscribe_token(token)
    except tokens.InvalidToken:
        return render(request, "newsletters/unsubscribe_invalid.html", status=400)
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    newsletter = Newsletter.objects.filter(pk=newsletter_id).first()
    if subscriber is None or newsletter is None:
        # Deleted on request, or the newsletter is gone: nothing will be sent either way.
        return render(request, "newsletters/unsubscribe_gone.html")
    done, target, form = "", newsletter, None
    if request.method == "POST" and is_one_click(request):
        # Harmless from anywhere: it can only stop the link's own newsletter.
        services.unsubscribe(subscriber_id=subscriber.pk, newsletter_id=newsletter.pk)
        done = "unsubscribed"
    elif request.method == "POST":
        if is_cross_site(request):
            raise PermissionDenied("Cross-site form submission refused.")
        form = UnsubscribePageForm(request.POST)
        if form.is_valid():
            target = form.cleaned_data["newsletter"] or newsletter
            done = _unsubscribe_page_action(
                subscriber, target, link_newsletter=newsletter, action=form.cleaned_data["action"]
            )
    states = dict(
        Subscription.objects.filter(subscriber=subscriber).values_list("newsletter_id", "status")
    )
    others = [
        {"newsletter": other, "status": states.get(other.pk, "")}
        for other in Newsletter.objects.active().in_edition().exclude(pk=newsletter.pk)
    ]
    return render(
        request,
        "newsletters/unsubscribe.html",
        {
            "token": token,
            "newsletter": newsletter,
            "status": states.get(newsletter.pk, ""),
            "others": others,
            "done": done,
            "target": target,
            "form": form,
            "email": subscriber.email,
        },
        status=400 if form is not None and form.errors else 200,
    )


def _unsubscribe_page_action(subscriber, newsletter, *, link_newsletter, action):
    """Unsubscribe from `newsletter`, or subscribe to it: at once if the link's own newsletter
    was confirmed before, else by the double opt-in (the link may have been forwarded)."""
    if action != "subscribe":
        services.unsubscribe(subscriber_id=subscriber.pk, newsletter_id=newsletter.pk)
        return "unsubscribed"
    if not newsletter.active:
        return ""  # it takes no sign-ups (the page offers none)
    if newsletter == link_newsletter and services.resubscribe(
        subscriber_id=subscriber.pk, newsletter_id=newsletter.pk
    ):
        return "subscribed"
    if _may_mail(subscriber.email):
        tasks.sign_up(email=subscriber.email, newsletters=[newsletter], language=active_language())
    return "pending"
