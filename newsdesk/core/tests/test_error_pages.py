"""The 500 page stands on its own and obeys the strict Content-Security-Policy."""

from django.test import RequestFactory

from newsdesk.core.views import server_error


def test_the_server_error_page_has_no_inline_style_or_script():
    response = server_error(RequestFactory().get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong" in html and 'href="/"' in html
    assert "<style" not in html and "<script" not in html and "style=" not in html
    assert "css/error" in html
