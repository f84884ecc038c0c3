"""Reporters' document uploads wait for an editor before readers can open them.

Documents are served at /documents/ after Wagtail checks their collection's view restrictions.
Reporters may now add documents only to the "Awaiting review" collection, which only signed-in
Editors and Reporters may open; an editor approves a document by moving it to another
collection. Reporters still choose any document for their stories. A newsroom that trusts its
reporters' uploads gives them "add" on the root collection again (Settings → Groups).
"""

import importlib

from django.db import migrations

REVIEW = "Awaiting review"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's, as Wagtail's collections use
STEP = 4


def next_child_path(parent, children):
    """The materialised path of a new last child (treebeard's add_child, which historical
    models do not have)."""
    last = max((child.path[-STEP:] for child in children), default=None)
    number = 0 if last is None else int(last, 36) + 1
    digits = ""
    for _ in range(STEP):
        number, digit = divmod(number, 36)
        digits = ALPHABET[digit] + digits
    return parent.path + digits


def hold_reporters_documents(apps, schema_editor):
    groups = importlib.import_module("newsdesk.frontpage.migrations.0003_editorial_groups")
    groups.ensure_permissions(apps)
    Collection = apps.get_model("wagtailcore.Collection")
    CollectionViewRestriction = apps.get_model("wagtailcore.CollectionViewRestriction")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")

    reporters = Group.objects.filter(name="Reporters").first()
    editors = Group.objects.filter(name="Editors").first()
    if reporters is None or editors is None:
        return
    root = Collection.objects.get(depth=1)
    review = Collection.objects.filter(depth=2, name=REVIEW).first()
    if review is None:
        children = list(Collection.objects.filter(depth=2, path__startswith=root.path))
        review = Collection.objects.create(
            name=REVIEW, path=next_child_path(root, children), depth=2, numchild=0
        )
        root.numchild = len(children) + 1
        root.save(update_fields=["numchild"])
    restriction, _ = CollectionViewRestriction.objects.get_or_create(
        collection=review, restriction_type="groups", defaults={"password": ""}
    )
    restriction.groups.set([editors, reporters])

    add_document = Permission.objects.get(
        content_type__app_label="wagtaildocs", codename="add_document"
    )
    GroupCollectionPermission.objects.filter(
        group=reporters, collection=root, permission=add_document
    ).delete()
    GroupCollectionPermission.objects.get_or_create(
        group=reporters, collection=review, permission=add_document
    )


class Migration(migrations.Migration):
    dependencies = [("frontpage", "0004_image_library_permissions")]

    operations = [migrations.RunPython(hold_reporters_documents, migrations.RunPython.noop)]
