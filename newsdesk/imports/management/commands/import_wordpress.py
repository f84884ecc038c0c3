from newsdesk.imports.commands import ImportCommand
from newsdesk.imports.models import ImportRun


class Command(ImportCommand):
    help = "Import posts, authors, categories, tags and pictures from a WordPress export (WXR)."
    source = ImportRun.Source.WORDPRESS
    media_option = "--media-dir"
