"""Settings of the test suite (pytest's DJANGO_SETTINGS_MODULE): the product's settings, with
what tests need instead. Each still gives way to the environment, as in settings.py.

Processes the tests start (servers, workers, commands) run the product's own settings: the
helpers in newsdesk.testing set DJANGO_SETTINGS_MODULE=newsdesk.settings and what else they
need in their environment.
"""

import os

from newsdesk.settings import *  # noqa: F403
from newsdesk.settings import DATABASES, LOGGING, STORAGES, TASKS, env, env_bool, env_int

# A file, not memory, so tests can start real server and worker processes on it.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {
        "NAME": env("TEST_DB_FILE", f"/tmp/newsdesk-test-{os.getpid()}.sqlite3")
    }
# No connection pool in the test process: each test's transaction keeps to one connection.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DB_POOL_SIZE = env_int("DB_POOL_SIZE", 0)
    if not DB_POOL_SIZE:
        DATABASES["default"].get("OPTIONS", {}).pop("pool", None)
        DATABASES["default"]["CONN_MAX_AGE"] = env_int("DB_CONN_MAX_AGE", 0)
        DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# Tasks run at once, in the test; tests of the worker switch to the database backend.
TASKS["default"]["BACKEND"] = env(
    "TASKS_BACKEND", "django.tasks.backends.immediate.ImmediateBackend"
)

# Fast hashes for test users; PBKDF2 stays known for users shared with server processes.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

# Pages render without a collectstatic run.
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}

LOGGING["root"]["level"] = env("LOG_LEVEL", "WARNING")

# Every test publishes articles; only narration's own tests turn narration on.
NARRATION_ON_PUBLISH = env_bool("NARRATION_ON_PUBLISH", False)
