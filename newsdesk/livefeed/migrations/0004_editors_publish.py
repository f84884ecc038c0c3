"""Editors publish feed items; the updates of everyone else (Reporters) wait for them.

Wagtail creates the `publish` permission of a draft-state snippet after migrating; it is needed
now. A newsroom that trusts its reporters grants them the same permission (Settings → Groups).
"""

from django.db import migrations


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="livefeed", model="feeditem")
    publish, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="publish_feeditem",
        defaults={"name": "Can publish feed item"},
    )
    editors = Group.objects.filter(name="Editors").first()
    if editors is not None:
        editors.permissions.add(publish)


class Migration(migrations.Migration):
    dependencies = [
        ("livefeed", "0003_feeditem_draft_state"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
