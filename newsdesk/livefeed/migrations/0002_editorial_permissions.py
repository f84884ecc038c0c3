"""Reporters and editors post, correct and remove feed items; only editors pin them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SHARED = ["add_feeditem", "change_feeditem", "delete_feeditem", "view_feeditem"]
EDITORS_ONLY = ["pin_feeditem"]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; these are needed now.
    app_config = apps.get_app_config("livefeed")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")

    def perms(codenames):
        return Permission.objects.filter(content_type__app_label="livefeed", codename__in=codenames)

    for name, codenames in [("Reporters", SHARED), ("Editors", SHARED + EDITORS_ONLY)]:
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(*perms(codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("livefeed", "0001_initial"),
        ("accounts", "0003_editorial_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
