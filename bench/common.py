"""What the page benchmarks share: a throwaway PostgreSQL database and production settings."""

import os
from urllib.parse import urlsplit

BASE_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")


def create_database(prefix):
    """A new database `<prefix>_<pid>`: (server URL, name, the database's URL)."""
    import psycopg

    name = f"{prefix}_{os.getpid()}"
    with psycopg.connect(BASE_URL, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return BASE_URL, name, urlsplit(BASE_URL)._replace(path=f"/{name}").geturl()


def drop_database(base, name):
    import psycopg

    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def production_env(workdir, database_url, cache_prefix, **extra):
    """Production settings (https SITE_URL, DEBUG off) on loopback, PostgreSQL and Redis."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsdesk.settings",
        "SITE_URL": "https://127.0.0.1",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGH",
        # TLS ends at the proxy in production; the benchmark speaks plain HTTP on loopback.
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database_url,
        "REDIS_URL": "redis://127.0.0.1:6379/9",
        "CACHE_KEY_PREFIX": f"{cache_prefix}{os.getpid()}",
        "EMAIL_URL": "smtp://127.0.0.1:2525",
        "MEDIA_ROOT": str(workdir / "media"),
        "LOG_LEVEL": "WARNING",
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        **extra,
    }
