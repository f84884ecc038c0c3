"""The newsroom's staff groups: Reporters write and submit, Editors publish, schedule and curate;
every page goes through the editors' review.

Staff accounts own the groups; each feature app grants its own models' permissions to them in
its own migrations (livefeed, narration, newsletters), so no app reaches into another's.

Page permissions and the review workflow sit on the tree's root page, so they cover the front
page of every edition (each language has its own). Images and documents: on the root
collection, except that reporters' document uploads go to "Awaiting review", which only signed-in
staff may open, until an editor moves them (a newsroom that trusts its reporters' uploads gives
them "add" on the root collection in Settings -> Groups).

Replaces frontpage 0003-0005, where this began: a database that applied those has these groups
already and counts this migration as applied.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REPORTERS, EDITORS = "Reporters", "Editors"
PAGE = {
    REPORTERS: ["add_page", "change_page"],
    EDITORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
# Wagtail checks image permissions on wagtailimages.Image whatever the image model is.
IMAGES = {
    REPORTERS: ["add_image", "choose_image"],
    EDITORS: ["add_image", "change_image", "delete_image", "choose_image"],
}
DOCUMENTS = {
    REPORTERS: ["choose_document"],
    EDITORS: ["add_document", "change_document", "delete_document", "choose_document"],
}
MODEL = {
    REPORTERS: [("wagtailadmin", "access_admin"), ("people", "view_author")],
    EDITORS: [
        ("wagtailadmin", "access_admin"),
        *(("people", f"{action}_author") for action in ("add", "change", "delete", "view")),
        ("core", "change_newsroomsettings"),
    ],
}
REVIEW = "Awaiting review"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's, as Wagtail's collections use
STEP = 4


def ensure_permissions(apps):
    # Permissions are normally created after all migrations; these are needed now.
    for app_config in apps.get_app_configs():
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module


def perm(apps, app_label, codename):
    Permission = apps.get_model("auth.Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


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


def review_collection(apps, root, groups):
    Collection = apps.get_model("wagtailcore.Collection")
    CollectionViewRestriction = apps.get_model("wagtailcore.CollectionViewRestriction")
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
    restriction.groups.set(groups)
    return review


def review_workflow(apps, root_page, editors):
    ContentType = apps.get_model("contenttypes.ContentType")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    # Wagtail's default moderation workflow is replaced by the newsroom's own.
    WorkflowPage.objects.all().delete()
    apps.get_model("wagtailcore.Task").objects.update(active=False)
    Workflow.objects.update(active=False)
    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.create(
        name="Editor approval", content_type=task_type, active=True
    )
    task.groups.set([editors])
    workflow = Workflow.objects.create(name="Editorial review", active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=root_page)


def set_up_groups(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth.Group")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    root_page = apps.get_model("wagtailcore.Page").objects.get(depth=1)
    root = apps.get_model("wagtailcore.Collection").objects.get(depth=1)
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in (REPORTERS, EDITORS)}
    # Wagtail's default Moderators/Editors split is replaced by the newsroom's own.
    Group.objects.filter(name="Moderators").delete()
    review = review_collection(apps, root, list(groups.values()))
    for name, group in groups.items():
        GroupPagePermission.objects.filter(group=group).delete()
        GroupCollectionPermission.objects.filter(group=group).delete()
        group.permissions.set([perm(apps, app, codename) for app, codename in MODEL[name]])
        for codename in PAGE[name]:
            GroupPagePermission.objects.create(
                group=group, page=root_page, permission=perm(apps, "wagtailcore", codename)
            )
        for app, codenames in (("wagtailimages", IMAGES), ("wagtaildocs", DOCUMENTS)):
            for codename in codenames[name]:
                GroupCollectionPermission.objects.create(
                    group=group, collection=root, permission=perm(apps, app, codename)
                )
    GroupCollectionPermission.objects.create(
        group=groups[REPORTERS],
        collection=review,
        permission=perm(apps, "wagtaildocs", "add_document"),
    )
    review_workflow(apps, root_page, groups[EDITORS])


class Migration(migrations.Migration):
    replaces = [
        ("frontpage", "0003_editorial_groups"),
        ("frontpage", "0004_image_library_permissions"),
        ("frontpage", "0005_documents_awaiting_review"),
    ]

    dependencies = [
        ("accounts", "0002_sign_in_counter"),
        ("core", "0001_initial"),
        ("people", "0001_initial"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailadmin", "0005_editingsession_is_editing"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(set_up_groups, migrations.RunPython.noop)]
