import threading

import pytest

from newsdesk.testing.purge import PurgeServer, use_purge_server


@pytest.fixture
def purge_server(settings):
    servers = []

    def start(**options):
        server = PurgeServer(**options)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        use_purge_server(settings, f"http://127.0.0.1:{server.server_port}")
        return server

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()
