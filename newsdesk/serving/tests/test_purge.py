"""Purges to the front-end cache (nginx's purge server at FRONTEND_CACHE_URL)."""

import logging

from newsdesk.serving.purge import purge_now
from newsdesk.testing import free_port
from newsdesk.testing.purge import use_purge_server


def warnings_and_errors(caplog):
    return [record for record in caplog.records if record.levelno >= logging.WARNING]


def test_it_purges_every_path_and_its_query_variants_with_the_page_s_host(purge_server, caplog):
    server = purge_server(cached={"/world/", "/world/?*"})
    purge_now(["/world/", "/"])
    assert sorted(server.received) == sorted(
        ("news.example.org", path) for path in ("/world/", "/", "/world/?*", "/?*")
    )
    assert warnings_and_errors(caplog) == []


def test_a_page_nginx_had_not_cached_is_no_error(purge_server, caplog):
    caplog.set_level(logging.DEBUG)
    server = purge_server()  # holds nothing: every purge answers 404
    purge_now(["/world/", "/feeds/latest/"])
    assert len(server.received) == 4
    assert warnings_and_errors(caplog) == []
    # "purged N paths" is for debugging, not for every publication's log.
    [purged] = [r for r in caplog.records if r.getMessage() == "purged 2 paths"]
    assert purged.levelno == logging.DEBUG


def test_a_purge_server_that_is_down_gets_one_warning_per_batch(settings, caplog):
    use_purge_server(settings, f"http://127.0.0.1:{free_port()}")  # nothing listens there
    purge_now(["/world/", "/", "/feeds/latest/"])
    location = settings.WAGTAILFRONTENDCACHE["nginx"]["LOCATION"]
    [warning] = warnings_and_errors(caplog)
    assert warning.levelno == logging.WARNING
    assert warning.getMessage().startswith(
        f"Couldn't purge 6 URLs from the front-end cache at {location}: "
    )


def test_other_refusals_are_one_warning_naming_the_first(purge_server, caplog):
    server = purge_server(status=403)
    purge_now(["/world/", "/"])
    assert len(server.received) == 4
    [warning] = warnings_and_errors(caplog)
    assert warning.levelno == logging.WARNING
    assert "Couldn't purge 4 of 4 URLs" in warning.getMessage()
    assert "403 Forbidden" in warning.getMessage()
