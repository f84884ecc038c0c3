"""Acceptance: an administrator imports a WordPress export in Chromium, with the site served by
granian and the import run by a real task worker, as in production."""

import re

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher, make_password

from newsdesk.imports.models import ImportRun
from newsdesk.imports.tests.conftest import FIXTURES
from newsdesk.testing import web_server, worker

pytestmark = [pytest.mark.browser, pytest.mark.worker, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct-horse-battery"
SLOW = 120_000  # ms: the worker shares two cores with the browser and the web server


@pytest.fixture
def administrator(home, django_user_model):
    user = django_user_model.objects.create_superuser("chief", "chief@example.org", "x")
    user.password = make_password(PASSWORD, hasher=PBKDF2PasswordHasher())  # the server's hasher
    user.save()
    return user


def test_an_administrator_imports_a_wordpress_export(browser, administrator, tmp_path):
    env = {"IMPORT_FILES_DIR": str(tmp_path / "import-files")}
    with web_server(env=env) as url, worker(env=env):
        page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        page.goto(f"{url}/admin/login/")
        page.fill("#id_username", "chief")
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(re.compile(r"/admin/$"))

        page.goto(f"{url}/admin/imports/")
        page.select_option("select[name=source]", "wordpress")
        page.set_input_files("input[name=file]", str(FIXTURES / "courier.xml"))
        page.uncheck("input[name=fetch_media]")
        page.click("[data-upload]")

        report = page.locator("[data-dry-run-report]")  # the page refreshes until it is there
        report.wait_for(timeout=SLOW)
        assert "articles: 6 created, 1 skipped" in report.inner_text()
        assert "shortcodes removed: [contact-form-7] x1" in report.inner_text()

        page.click("[data-start-import]")
        page.locator("[data-import-status=finished]").wait_for(timeout=SLOW)
        assert page.locator("[data-import-percent]").inner_text() == "100"
        assert page.locator("progress").get_attribute("value") == "100"
        assert "articles: 6 created, 1 skipped" in page.locator("[data-import-report]").inner_text()
        assert ImportRun.objects.get().status == ImportRun.Status.FINISHED

        page.click("text=River rises past the old mill")
        page.wait_for_url(re.compile(r"/weather/river-rises/$"))
        assert page.locator("h1").inner_text() == "River rises past the old mill"
        assert "Mara Kowalczyk" in page.locator(".byline").inner_text()
