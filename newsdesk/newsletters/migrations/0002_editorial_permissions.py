"""Editors run the newsletters: newsletters, issues (and sending them) and subscribers.

Subscribers can be viewed, corrected and deleted (GDPR requests) but not added: a reader's
subscription starts with their own confirmation.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_PERMISSIONS = [
    "add_newsletter",
    "change_newsletter",
    "delete_newsletter",
    "view_newsletter",
    "add_issue",
    "change_issue",
    "delete_issue",
    "view_issue",
    "send_issue",
    "change_subscriber",
    "delete_subscriber",
    "view_subscriber",
]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; these are needed now.
    app_config = apps.get_app_config("newsletters")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    editors = Group.objects.filter(name="Editors").first()
    if editors is not None:
        editors.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="newsletters", codename__in=EDITOR_PERMISSIONS
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("newsletters", "0001_initial"),
        ("accounts", "0003_editorial_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
