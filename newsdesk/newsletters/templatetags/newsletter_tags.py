"""The sign-up form, placeable anywhere: `{% newsletter_box "sidebar" %}` for a boxed form with
a heading (sidebar, article end, footer, front page), `{% newsletter_signup %}` for the form alone.

Several forms can share a page, so every id carries a per-request prefix (nl1-email, nl2-email).
"""

import itertools

from django import template

from newsdesk.newsletters.models import Newsletter
from newsdesk.serving.fragments import versioned_cache
from newsdesk.serving.lifetimes import lifetimes
from newsdesk.serving.versions import fragment_versions

register = template.Library()
_fallback_counter = itertools.count(1)


def active_newsletters(request):
    """Active newsletters, fetched once per request however many forms the page has, and kept
    in the cache until newsletters or the site's chrome change."""
    if request is None:
        return list(Newsletter.objects.active().in_edition().select_related("host", "locale"))
    if not hasattr(request, "_active_newsletters"):
        key = f"newsletters:active:{fragment_versions(request).chrome}"
        request._active_newsletters = versioned_cache().get_or_set(
            key,
            lambda: list(Newsletter.objects.active().in_edition().select_related("host", "locale")),
            lifetimes.versioned,
        )
    return request._active_newsletters


def next_prefix(request):
    if request is None:
        return f"nl{next(_fallback_counter)}"
    request._newsletter_forms = getattr(request, "_newsletter_forms", 0) + 1
    return f"nl{request._newsletter_forms}"


def form_context(context, *, prefix, newsletters, newsletter=None, form=None, compact=False):
    request = context.get("request")
    errors = form.errors if form is not None else {}
    if form is not None:
        email = form.data.get("email", "")
        checked = set(form.data.getlist("newsletter"))
    else:
        email = ""
        checked = {newsletters[0].slug} if newsletters else set()
    # Only an active newsletter can be signed up for; otherwise readers choose among those.
    slug = newsletter if isinstance(newsletter, str) else getattr(newsletter, "slug", None)
    newsletter = next((n for n in newsletters if n.slug == slug), None)
    choices = [
        {"slug": item.slug, "name": item.name, "checked": item.slug in checked}
        for item in newsletters
    ]
    return {
        "prefix": prefix,
        "fixed": newsletter,
        "choices": choices,
        "email": email,
        "email_error": " ".join(errors.get("email", [])),
        "newsletter_error": " ".join(errors.get("newsletter", [])),
        "source": request.path if request is not None else "",
        "compact": compact,
    }


@register.simple_tag(takes_context=True, name="active_newsletters")
def active_newsletters_tag(context):
    return active_newsletters(context.get("request"))


@register.inclusion_tag("newsletters/components/signup_form.html", takes_context=True)
def newsletter_signup(context, newsletter=None, form=None, compact=False, prefix=None):
    """The sign-up form: for `newsletter` (object or slug) only, or a choice of all of them.
    In a cached fragment, give a fixed `prefix` (a block's id): its ids outlive the request."""
    request = context.get("request")
    newsletters = active_newsletters(request)
    if not newsletters:
        return {"f": None}
    return {
        "f": form_context(
            context,
            prefix=f"nl-{prefix[:8]}" if prefix else next_prefix(request),
            newsletters=newsletters,
            newsletter=newsletter,
            form=form,
            compact=compact,
        )
    }


@register.inclusion_tag("newsletters/components/box.html", takes_context=True)
def newsletter_box(context, placement, prefix=None):
    """A sign-up box with a heading for one of the site's slots: sidebar, article_end,
    footer, front. Renders nothing while there is no active newsletter. A box in a cached
    fragment (the footer) takes a fixed id `prefix`, as its ids outlive the request."""
    request = context.get("request")
    newsletters = active_newsletters(request)
    if not newsletters:
        return {"newsletters": []}
    prefix = prefix or next_prefix(request)
    return {
        "placement": placement,
        "prefix": prefix,
        "newsletters": newsletters,
        "featured": newsletters[0],
        "f": form_context(
            context,
            prefix=prefix,
            newsletters=newsletters,
            compact=placement in ("sidebar", "footer"),
        ),
    }
