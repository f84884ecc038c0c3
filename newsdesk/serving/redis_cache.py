"""The shared cache on Redis: Django's backend with one client per server and process, and
misses instead of errors while Redis cannot be reached (outage.py)."""

import re

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient
from redis.exceptions import RedisError

from newsdesk.serving.outage import DegradesOnOutage, Outage


class ReusedClients(RedisCacheClient):
    """Django's client builds a new `redis.Redis` for every call, and building one (its table of
    80 reply parsers) costs more than the round trip to Redis. A client is thread-safe and its
    connection pool notices a fork, so one per server and process serves every call."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(
                connection_pool=self._get_connection_pool(write)
            )
        return client


class RedisCache(DegradesOnOutage, DjangoRedisCache):
    outage_errors = (RedisError,)

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClients
        # Named by its URL without the password it may carry: the name goes into the logs.
        self.outage = Outage.of("Redis " + re.sub(r"//[^@/]*@", "//", str(server)))
