from django.db.models import Model
from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.models import AbstractPage

from newsdesk.core.userbar import EditObjectItem


@hooks.register("construct_wagtail_userbar")
def add_edit_object_item(request, items, obj):
    if isinstance(obj, Model) and not isinstance(obj, AbstractPage):
        items.insert(1, EditObjectItem(obj, f"Edit this {obj._meta.verbose_name}"))


@hooks.register("insert_global_admin_js")
def rich_text_submit_js():
    return format_html('<script src="{}"></script>', static("core/rich-text-submit.js"))
