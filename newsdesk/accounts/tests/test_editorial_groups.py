"""The staff groups come from one migration (accounts 0003), which took over frontpage 0003-0005:
a database migrated before the move has nothing left to apply."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder
from wagtail.models import Page, PagePermissionTester, Workflow

pytestmark = pytest.mark.django_db

OLD = ["0003_editorial_groups", "0004_image_library_permissions", "0005_documents_awaiting_review"]


def pending():
    executor = MigrationExecutor(connection)
    return executor.migration_plan(executor.loader.graph.leaf_nodes())


def test_a_database_that_applied_the_old_frontpage_migrations_has_nothing_to_apply():
    recorded = MigrationRecorder.Migration.objects
    recorded.filter(app="accounts", name="0003_editorial_groups").delete()
    recorded.filter(app="frontpage", name__in=OLD).delete()
    # Without the old records, the groups' migration would be due again ...
    assert [migration.name for migration, _ in pending()] == ["0003_editorial_groups"]
    # ... with them (as on a database migrated before the move), it counts as applied.
    recorded.bulk_create([recorded.model(app="frontpage", name=name) for name in OLD])
    assert pending() == []


def test_the_groups_permissions_cover_the_whole_page_tree_and_review_every_page(home):
    editors, reporters = Group.objects.get(name="Editors"), Group.objects.get(name="Reporters")
    root = Page.objects.get(depth=1)
    assert set(root.group_permissions.values_list("group__name", flat=True)) == {
        "Editors",
        "Reporters",
    }
    assert not Group.objects.filter(name="Moderators").exists()
    assert home.get_workflow() == Workflow.objects.get(name="Editorial review", active=True)
    reporter_perms = set(reporters.permissions.values_list("codename", flat=True))
    assert "change_newsroomsettings" not in reporter_perms
    assert "change_newsroomsettings" in set(editors.permissions.values_list("codename", flat=True))


def test_reporters_may_edit_but_not_publish_under_the_front_page(home, reporter, editor):
    assert PagePermissionTester(reporter, home).can_add_subpage()
    assert not PagePermissionTester(reporter, home).can_publish()
    assert PagePermissionTester(editor, home).can_publish()
