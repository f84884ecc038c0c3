"""Pages a browser test leaves open are closed before its fixtures are torn down.

A page left open on the in-process live server keeps asking for its news feed stream (a WSGI
server answers with what was missed and the browser asks again); once its test had ended, those
requests failed for want of a database, and Django's test client re-raised that error inside
whatever test was making a request at the time (seen in CI on a media test)."""

import pytest

from newsdesk import conftest

pytestmark = pytest.mark.browser


def test_the_teardown_closes_every_page_left_open(browser, request):
    left = browser.new_context()
    left.new_page()
    another = browser.new_context()
    another.new_page().close()
    assert len(browser.contexts) == 2
    conftest.pytest_runtest_teardown(request.node)
    assert browser.contexts == []
