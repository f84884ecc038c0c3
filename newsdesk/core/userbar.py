from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.userbar import BaseItem


class EditObjectItem(BaseItem):
    """'Edit <thing>' in the user bar of pages that show a snippet rather than a Wagtail page."""

    template_name = "core/userbar_edit_object.html"

    def __init__(self, obj, label):
        self.obj = obj
        self.label = label

    def render_html(self, parent_context):
        request = parent_context.get("request")
        self.edit_url = AdminURLFinder(request.user).get_edit_url(self.obj)
        if not self.edit_url:
            return ""
        return super().render_html(parent_context)
