"""An index on Wagtail's page url_path: a reader's article is read by its url_path in one query
(ArticlePage.reader_page), and without the index the database scans every page for it (the
planner walks the tree's path index and filters), which grows with the archive."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_editors_translate"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS newsdesk_page_url_path ON wagtailcore_page (url_path)",
            "DROP INDEX IF EXISTS newsdesk_page_url_path",
        ),
    ]
