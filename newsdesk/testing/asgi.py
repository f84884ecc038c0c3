"""Calling an ASGI application in a test as granian calls it: one GET or HEAD, its answer."""

import asyncio
from concurrent.futures import ThreadPoolExecutor


async def asgi_call(app, path, headers=(), method="GET", query=b""):
    """(status, headers as a dict with lower-case names, body) of one request to `app`."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query,
        "root_path": "",
        "headers": [(b"host", b"testserver"), *headers],
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }
    sent = asyncio.Event()
    messages = []

    async def receive():
        if not sent.is_set():
            sent.set()
            return {"type": "http.request", "body": b"", "more_body": False}
        await asyncio.Event().wait()  # the client never disconnects

    async def send(message):
        messages.append(message)

    await app(scope, receive, send)
    start = messages[0]
    headers = {name.decode().lower(): value.decode() for name, value in start["headers"]}
    body = b"".join(m.get("body", b"") for m in messages[1:])
    return start["status"], headers, body


def run_calls(*calls):
    """Run the calls at once; their answers in order."""

    async def gather():
        return await asyncio.gather(*calls)

    # In a thread of its own: a browser test may have left an event loop running in this one.
    with ThreadPoolExecutor(1) as runner:
        return runner.submit(asyncio.run, gather()).result()
