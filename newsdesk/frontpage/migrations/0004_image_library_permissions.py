"""The image library's permissions where Wagtail looks for them.

Wagtail checks image permissions on wagtailimages.Image whatever the image model is, so the
core.*_newsimage permissions 0003 granted let no one upload: reporters get add and choose,
editors add, change, delete and choose, on the root collection.
"""

import importlib

from django.db import migrations

IMAGE_PERMISSIONS = {
    "Reporters": ["add_image", "choose_image"],
    "Editors": ["add_image", "change_image", "delete_image", "choose_image"],
}


def grant_image_permissions(apps, schema_editor):
    groups = importlib.import_module("newsdesk.frontpage.migrations.0003_editorial_groups")
    groups.ensure_permissions(apps)
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore.Collection")
    root = Collection.objects.get(depth=1)
    GroupCollectionPermission.objects.filter(
        group__name__in=IMAGE_PERMISSIONS, permission__content_type__app_label="core"
    ).delete()
    for name, codenames in IMAGE_PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        for codename in codenames:
            permission = Permission.objects.get(
                content_type__app_label="wagtailimages", codename=codename
            )
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=permission
            )


class Migration(migrations.Migration):
    dependencies = [("frontpage", "0003_editorial_groups")]

    operations = [migrations.RunPython(grant_image_permissions, migrations.RunPython.noop)]
