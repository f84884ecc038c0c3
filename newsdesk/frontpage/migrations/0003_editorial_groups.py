"""Reporters write and submit; Editors publish, schedule and curate; articles go through review."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REPORTER_PAGE_PERMISSIONS = ["add_page", "change_page"]
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]


def ensure_permissions(apps):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def perm(apps, app_label, codename):
    Permission = apps.get_model("auth.Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def set_up_groups(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth.Group")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore.Collection")
    HomePage = apps.get_model("frontpage.HomePage")
    ContentType = apps.get_model("contenttypes.ContentType")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    Task = apps.get_model("wagtailcore.Task")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")

    home = HomePage.objects.get(depth=2)
    root_collection = Collection.objects.get(depth=1)
    reporters, _ = Group.objects.get_or_create(name="Reporters")
    editors, _ = Group.objects.get_or_create(name="Editors")

    # Wagtail's default Moderators/Editors split is replaced by the newsroom's own.
    GroupPagePermission.objects.filter(group__in=[reporters, editors]).delete()
    GroupCollectionPermission.objects.filter(group__in=[reporters, editors]).delete()
    reporters.permissions.clear()
    editors.permissions.clear()
    WorkflowPage.objects.all().delete()
    Task.objects.update(active=False)
    Workflow.objects.update(active=False)
    Group.objects.filter(name="Moderators").delete()

    for group, codenames in [
        (reporters, REPORTER_PAGE_PERMISSIONS),
        (editors, EDITOR_PAGE_PERMISSIONS),
    ]:
        for codename in codenames:
            GroupPagePermission.objects.create(
                group=group, page=home, permission=perm(apps, "wagtailcore", codename)
            )
        group.permissions.add(perm(apps, "wagtailadmin", "access_admin"))

    image_perms = {
        reporters: ["add_newsimage", "choose_image"],
        editors: ["add_newsimage", "change_newsimage", "delete_newsimage", "choose_image"],
    }
    doc_perms = {
        reporters: ["add_document", "choose_document"],
        editors: ["add_document", "change_document", "delete_document", "choose_document"],
    }
    for group in (reporters, editors):
        for codename in image_perms[group]:
            GroupCollectionPermission.objects.create(
                group=group, collection=root_collection, permission=perm(apps, "core", codename)
            )
        for codename in doc_perms[group]:
            GroupCollectionPermission.objects.create(
                group=group,
                collection=root_collection,
                permission=perm(apps, "wagtaildocs", codename),
            )
    reporters.permissions.add(perm(apps, "people", "view_author"))
    for codename in ["add_author", "change_author", "delete_author", "view_author"]:
        editors.permissions.add(perm(apps, "people", codename))
    editors.permissions.add(perm(apps, "core", "change_newsroomsettings"))

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.create(
        name="Editor approval", content_type=task_type, active=True
    )
    task.groups.set([editors])
    workflow = Workflow.objects.create(name="Editorial review", active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=home)


class Migration(migrations.Migration):
    dependencies = [
        ("frontpage", "0002_create_front_page"),
        ("core", "0001_initial"),
        ("people", "0001_initial"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailadmin", "0005_editingsession_is_editing"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(set_up_groups, migrations.RunPython.noop)]
