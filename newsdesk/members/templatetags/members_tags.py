"""Support prompts for the slots of the site's templates: `{% support_prompt "article_end" %}`,
`{% support_prompt "front" %}`, `{% support_link %}`. They print the same for every reader (the
pages are shared from the cache); the browser hides them for members (site.js, nd_member)."""

from django import template
from django.utils.translation import gettext

from newsdesk.members.models import SupportSettings

register = template.Library()


def _prompts(context):
    request = context.get("request")
    if request is None:
        return SupportSettings()
    return SupportSettings.for_request(request)


def said(prompts, field):
    """The editor's words, or, where they kept the words the prompts came with, those words in
    the page's language (each edition reads its own)."""
    value = getattr(prompts, field)
    return gettext(value) if value == SupportSettings._meta.get_field(field).default else value


@register.inclusion_tag("members/prompt.html", takes_context=True)
def support_prompt(context, place, heading="", text=""):
    prompts = _prompts(context)
    default_text = said(prompts, "front_prompt_text" if place == "front" else "article_prompt_text")
    return {
        "place": place,
        "heading": heading or said(prompts, "article_prompt_heading"),
        "text": text or default_text,
        "button": said(prompts, "button_text"),
    }


@register.inclusion_tag("members/support_link.html", takes_context=True)
def support_link(context):
    return {"text": said(_prompts(context), "header_link_text")}


@register.inclusion_tag("members/members_body.html")
def members_body(page):
    """Where the rest of a members-only story goes: fetched by a member's browser."""
    return {"page": page}
