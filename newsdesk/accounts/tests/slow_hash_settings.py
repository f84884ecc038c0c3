"""Settings for the server in test_parallel_sign_ins: a password hasher that takes as long as a
real one and writes a line to the file named by HASH_LOG for every password it hashes."""

import os
import time

from django.contrib.auth.hashers import MD5PasswordHasher

from newsdesk.settings import *  # noqa: F403

PASSWORD_HASHERS = ["newsdesk.accounts.tests.slow_hash_settings.CountingHasher"]
# What PBKDF2 can take on a busy two-core machine.
HASH_SECONDS = 1


class CountingHasher(MD5PasswordHasher):
    """Checks the MD5 hashes the test process gives its users (fast test hashers). Every hash,
    made to check a password or to set one, goes through encode()."""

    def encode(self, password, salt):
        with open(os.environ["HASH_LOG"], "a") as log:
            log.write(f"{os.getpid()}\n")
        time.sleep(HASH_SECONDS)
        return super().encode(password, salt)
