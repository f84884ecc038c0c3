"""Parallel wrong sign-ins against a real server with a small database pool: at most the limit
of passwords is ever hashed, and every attempt gets the sign-in form back, none an error."""

import re
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from django.conf import settings

from newsdesk.accounts.forms import INVALID_MESSAGE, LOCKED_MESSAGE
from newsdesk.testing import web_server

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]
CLIENTS = 40


def signed_out_client(url):
    http = requests.Session()
    form = http.get(f"{url}/admin/login/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    return http, token


# On PostgreSQL: with the default pool, a check made before hashing and a record made after
# let every attempt holding a connection pass the check together; with a pool of one, an attempt
# holding its connection while it hashes leaves the others waiting past the pool's timeout.
POOLS = {"default pool": {"DB_POOL_SIZE": 8}, "one connection": {"DB_POOL_SIZE": 1}}


@pytest.mark.parametrize("pool", POOLS)
def test_parallel_wrong_sign_ins_hash_at_most_the_limit_and_none_fails(editor, tmp_path, pool):
    hashes = tmp_path / "hashes"
    hashes.touch()
    env = {
        "DJANGO_SETTINGS_MODULE": "newsdesk.accounts.tests.slow_hash_settings",
        "HASH_LOG": hashes,
        "DB_POOL_TIMEOUT": 2,
        **POOLS[pool],
    }
    with web_server(env=env) as url:
        clients = [signed_out_client(url) for _ in range(CLIENTS)]

        def sign_in(client):
            http, token = client
            response = http.post(
                f"{url}/admin/login/",
                data={"username": "editor", "password": "wrong", "csrfmiddlewaretoken": token},
                allow_redirects=False,
                timeout=60,
            )
            return response.status_code, response.text

        with ThreadPoolExecutor(CLIENTS) as pool:
            answers = list(pool.map(sign_in, clients))

    assert [status for status, _ in answers] == [200] * CLIENTS
    refused = sum(LOCKED_MESSAGE in text for _, text in answers)
    wrong = sum(INVALID_MESSAGE in text for _, text in answers)
    assert (wrong, refused) == (settings.LOGIN_MAX_FAILURES, CLIENTS - settings.LOGIN_MAX_FAILURES)
    assert len(hashes.read_text().splitlines()) == settings.LOGIN_MAX_FAILURES
