from django import template
from wagtail.admin.templatetags.wagtailuserbar import get_page_instance
from wagtail.admin.userbar import Userbar

register = template.Library()


@register.simple_tag(takes_context=True)
def newsdesk_userbar(context):
    """Wagtail's user bar for staff, editing the page or the object the view shows."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.has_perm("wagtailadmin.access_admin"):
        return ""
    obj = get_page_instance(context) or context.get("userbar_object")
    return Userbar(object=obj).render_html(context)
