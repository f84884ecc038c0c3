"""/news-feed/stream/ served by granian, as in production, with real clients reading it."""

import signal
import subprocess
import urllib.request

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher, make_password

from newsdesk.conftest import make_user
from newsdesk.livefeed import services
from newsdesk.livefeed.models import FeedItem
from newsdesk.livefeed.tests.helpers import AdminSession, EventStream
from newsdesk.testing import ROOT, VENV_BIN, free_port, subprocess_env, wait_for_port, web_server

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

FAST = {"LIVEFEED_POLL_SECONDS": "0.2", "LIVEFEED_KEEPALIVE_SECONDS": "1"}


def post(text, **fields):
    return services.post_item(text=f"<p>{text}</p>", **fields)


def connected(base_url, **kwargs):
    stream = EventStream(base_url, **kwargs)
    assert stream.status == 200
    assert stream.headers["content-type"].startswith("text/event-stream")
    assert stream.headers["cache-control"].startswith("no-cache")
    # The server has registered the stream once it has sent its first comment.
    stream.wait_for_comment("connected")
    return stream


def test_it_streams_new_corrected_and_removed_items():
    with web_server(env=FAST) as url, connected(url) as stream:
        item = post("Air raid alert in Kyiv Oblast")
        event = stream.next_event()
        assert event.event == "item" and event.id == str(item.cursor)
        assert event.item_id == f"feed-item-{item.pk}"
        assert "Air raid alert in Kyiv Oblast" in event.data
        assert 'datetime="' in event.data

        item = services.correct_item(item=item, text="<p>Air raid alert in Kyiv city</p>")
        event = stream.next_event()
        assert event.event == "item" and event.id == str(item.cursor)
        assert "Air raid alert in Kyiv city" in event.data and "Updated" in event.data

        services.remove_item(item=item)
        event = stream.next_event()
        assert (event.event, event.data) == ("remove", f"feed-item-{item.pk}")
        assert stream.next_event(timeout=1) is None


def test_it_reaches_a_stream_served_by_another_process(django_user_model):
    editor = make_user(django_user_model, "editor", "Editors")
    # The servers are not under test settings: give them a hash their hashers accept.
    editor.password = make_password("correct-horse-battery", hasher=PBKDF2PasswordHasher())
    editor.save()
    with (
        web_server(env=FAST) as writer_url,
        web_server(env=FAST) as reader_url,
        connected(reader_url) as stream,
    ):
        response = AdminSession(writer_url, "editor").quick_post("Posted on one, read on the other")
        assert response.status_code == 200 and "Posted:" in response.text
        event = stream.next_event()
        item = FeedItem.objects.get()
        assert event.event == "item" and event.id == str(item.cursor)
        assert "Posted on one, read on the other" in event.data


def test_it_sends_a_reconnecting_client_exactly_what_it_missed():
    seen = post("Seen before the connection dropped")
    changed = post("Will be corrected while the reader is away")
    removed = post("Will be removed while the reader is away")
    with web_server(env=FAST) as url:
        missed = [
            post("Missed one"),
            services.correct_item(item=changed, text="<p>Corrected while away</p>"),
            services.remove_item(item=removed),
            post("Missed two"),
        ]
        with connected(url, last_event_id=str(seen.cursor)) as stream:
            events = stream.events_within(1.5)
            assert [(e.id, e.event) for e in events] == [
                (str(missed[0].cursor), "item"),
                (str(missed[1].cursor), "item"),
                (str(missed[2].cursor), "remove"),
                (str(missed[3].cursor), "item"),
            ]
            assert "Corrected while away" in events[1].data
            assert events[2].data == f"feed-item-{removed.pk}"

            # The stream goes on live after the backlog, without repeating it.
            after = post("Live again")
            event = stream.next_event()
            assert event.id == str(after.cursor) and "Live again" in event.data
            assert stream.next_event(timeout=1) is None


def test_it_catches_up_from_the_cursor_a_page_was_rendered_with():
    with web_server(env=FAST) as url:
        page = urllib.request.urlopen(url + "/news-feed/").read().decode()
        cursor = page.split('data-cursor="', 1)[1].split('"', 1)[0]
        item = post("Posted between the page load and the connection")
        with connected(url, query=f"?after={cursor}") as stream:
            event = stream.next_event()
            assert event.id == str(item.cursor)


@pytest.mark.parametrize(
    "bad_id", ["abc", "-3", "1.5", "12abc", "99999999999999999999999", " ", "1e3"]
)
def test_it_starts_from_now_when_last_event_id_is_malformed(bad_id):
    post("Old news that a fresh stream must not replay")
    with web_server(env=FAST) as url, connected(url, last_event_id=bad_id) as stream:
        assert stream.next_event(timeout=0.8) is None
        item = post("New after connecting")
        event = stream.next_event()
        assert event.id == str(item.cursor)


def test_it_sends_keep_alive_comments_while_idle():
    with web_server(env=FAST) as url, connected(url) as stream:
        assert stream.next_event(timeout=2.5) is None
        assert "keep-alive" in stream.comments


def test_it_lets_the_server_stop_with_streams_open():
    port = free_port()
    server = subprocess.Popen(
        [str(VENV_BIN / "granian"), "--interface", "asgi", "--port", str(port),
         "--workers", "2", "--workers-kill-timeout", "3", "--log-level", "warning",
         "--no-ws", "newsdesk.asgi:application"],
        cwd=ROOT, env=subprocess_env(**FAST),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_for_port(port, process=server)
        streams = [connected(f"http://127.0.0.1:{port}") for _ in range(5)]
        server.send_signal(signal.SIGTERM)
        # Within the workers' kill timeout (3 s) and a margin: open streams do not hold it up.
        server.wait(timeout=6)
        for stream in streams:
            stream.close()
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


def test_it_ends_a_stream_after_its_time_and_the_reconnect_misses_nothing():
    env = {**FAST, "LIVEFEED_STREAM_SECONDS": "1.5"}
    with web_server(env=env) as url:
        with connected(url) as stream:
            first = post("Before the stream ends")
            assert stream.next_event().id == str(first.cursor)
            with pytest.raises(ConnectionError, match="ended"):
                stream.next_event(timeout=5)
        missed = post("While the browser was reconnecting")
        with connected(url, last_event_id=first.cursor) as again:
            assert again.next_event().id == str(missed.cursor)


@pytest.mark.django_db
def test_without_asgi_it_answers_with_what_was_missed_and_ends(client):
    # runserver and a test's WSGI live server: an endless stream would hold a thread for good.
    first = post("Already seen")
    missed = post("Missed")
    response = client.get("/news-feed/stream/", headers={"Last-Event-ID": str(first.cursor)})
    assert response["Content-Type"] == "text/event-stream" and not response.streaming
    body = response.content.decode()
    assert body.startswith("retry: ")
    assert f"id: {missed.cursor}" in body and f"id: {first.cursor}\n" not in body
