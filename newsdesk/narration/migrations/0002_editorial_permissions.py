"""Editors manage the pronunciation lexicon and see the narration report; reporters can look
the lexicon up."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = [
    "add_lexiconentry",
    "change_lexiconentry",
    "delete_lexiconentry",
    "view_lexiconentry",
    "view_narration",
]
REPORTERS = ["view_lexiconentry"]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; these are needed now.
    app_config = apps.get_app_config("narration")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for name, codenames in [("Editors", EDITORS), ("Reporters", REPORTERS)]:
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label="narration", codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("narration", "0001_initial"),
        ("accounts", "0003_editorial_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
