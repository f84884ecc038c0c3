from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from newsdesk.imports import admin_views


class AdministratorsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_admin_urls")
def register_import_urls():
    urls = [
        path("", admin_views.index, name="index"),
        path("<int:pk>/", admin_views.run_detail, name="run"),
        path("<int:pk>/start/", admin_views.start, name="start"),
        path("<int:pk>/urls.csv", admin_views.redirects_csv, name="urls_csv"),
    ]
    return [path("imports/", include((urls, "imports_admin")))]


@hooks.register("register_settings_menu_item")
def register_import_menu_item():
    return AdministratorsMenuItem(
        "Import", reverse("imports_admin:index"), icon_name="upload", order=900
    )
