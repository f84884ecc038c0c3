"""The 500 page stands on its own and obeys the strict Content-Security-Policy."""

import pytest
from django.db import OperationalError
from django.test import RequestFactory

from newsdesk.core.views import server_error


def test_the_server_error_page_has_no_inline_style_or_script():
    response = server_error(RequestFactory().get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong" in html and 'href="/"' in html
    assert "<style" not in html and "<script" not in html and "style=" not in html
    assert "css/error" in html


@pytest.mark.django_db
def test_a_database_failure_gets_the_try_again_page():
    # As Django calls it: within the handling of the exception.
    try:
        raise OperationalError("connection refused")
    except OperationalError:
        response = server_error(RequestFactory().get("/"))
    html = response.content.decode()
    assert response.status_code == 503 and response["Retry-After"]
    assert "Temporarily unavailable" in html and "try again shortly" in html
    assert "<style" not in html and "<script" not in html and "style=" not in html


def test_other_failures_get_the_server_error_page():
    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
