from newsdesk.imports.commands import ImportCommand
from newsdesk.imports.models import ImportRun


class Command(ImportCommand):
    help = "Import posts, authors, tags and pictures from a Ghost export (JSON, Ghost 2 to 6)."
    source = ImportRun.Source.GHOST
    media_option = "--images-dir"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--site-url",
            default="",
            help="The old site's address, e.g. https://example.ghost.io: pictures and links "
            "written as __GHOST_URL__ are found there.",
        )

    def options_of(self, options):
        return {**super().options_of(options), "site_url": options["site_url"].rstrip("/")}
