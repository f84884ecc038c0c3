from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from PIL import Image

from newsdesk.imports.models import ImportRun

FIXTURES = Path(__file__).parent / "fixtures"


def picture(path, size=(640, 360), color=(90, 120, 160), kind="JPEG"):
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, color).save(path, kind)
    return path


@pytest.fixture(autouse=True)
def _import_files(settings, tmp_path):
    settings.IMPORT_FILES_DIR = tmp_path / "import-files"


@pytest.fixture
def uploads(tmp_path):
    """A local copy of the Courier's wp-content/uploads folder."""
    folder = tmp_path / "uploads"
    picture(folder / "2024/03/mill.jpg")
    picture(folder / "2023/11/ines.png", size=(200, 200), color=(200, 10, 10), kind="PNG")
    return folder


def run_command(name, *args):
    out = StringIO()
    call_command(name, *[str(arg) for arg in args], stdout=out)
    return out.getvalue()


def last_run():
    return ImportRun.objects.order_by("-pk").first()
