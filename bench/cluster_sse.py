"""bench/cluster.py's live feed check: readers hold streams open on each web node and through
nginx while items are posted (by this process, through the service the admin uses); every
reader must receive every item."""

import asyncio
import re
import threading
import time
from urllib.parse import urlsplit

ITEM_ID = re.compile(rb'id="feed-item-(\d+)"')


class Reader:
    def __init__(self, url):
        self.port = urlsplit(url).port
        self.connected = threading.Event()
        self.received = {}

    async def run(self):
        reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
        writer.write(b"GET /news-feed/stream/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     b"Accept: text/event-stream\r\n\r\n")  # fmt: skip
        await writer.drain()
        buffer = b""
        try:
            while chunk := await reader.read(65536):
                buffer += chunk
                if b": connected" in buffer:
                    self.connected.set()
                *events, buffer = buffer.split(b"\n\n")
                for event in events:
                    for match in ITEM_ID.finditer(event):
                        self.received.setdefault(int(match.group(1)), time.time())
        finally:
            writer.close()


def sse_delivery(nodes, balancer, clients, items):
    from newsdesk.livefeed import services

    ways = {node.name: node.url for node in nodes} | {"nginx": balancer.url}
    readers = {way: [Reader(url) for _ in range(clients)] for way, url in ways.items()}
    everyone = [reader for group in readers.values() for reader in group]
    loop = asyncio.new_event_loop()
    tasks = [loop.create_task(reader.run()) for reader in everyone]
    thread = threading.Thread(target=loop.run_until_complete, args=(asyncio.wait(tasks),),
                              daemon=True)  # fmt: skip
    thread.start()
    for reader in everyone:
        if not reader.connected.wait(30):
            raise RuntimeError("a stream did not open in 30 s")
    posted = {}
    for n in range(items):
        item = services.post_item(text=f"<p>Cluster update {n}</p>")
        posted[item.pk] = time.time()
        time.sleep(0.2)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if all(len(reader.received) >= len(posted) for reader in everyone):
            break
        time.sleep(0.05)
    for task in tasks:
        loop.call_soon_threadsafe(task.cancel)
    thread.join(5)
    delays = [reader.received[pk] - at for reader in everyone
              for pk, at in posted.items() if pk in reader.received]  # fmt: skip
    figures = {f"{way}_delivered": f"{sum(len(set(r.received) & set(posted)) for r in group)}"
               f" of {len(group) * len(posted)}" for way, group in readers.items()}  # fmt: skip
    figures["max_delay_s"] = round(max(delays), 3) if delays else None
    return figures
