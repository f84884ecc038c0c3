from django.db.models import Model
from wagtail import hooks
from wagtail.models import AbstractPage

from newsdesk.core.userbar import EditObjectItem


@hooks.register("construct_wagtail_userbar")
def add_edit_object_item(request, items, obj):
    if isinstance(obj, Model) and not isinstance(obj, AbstractPage):
        items.insert(1, EditObjectItem(obj, f"Edit this {obj._meta.verbose_name}"))
