"""Newsdesk settings: one module, read from the environment.

Runs with no configuration at all (SQLite file, local media, a cache file, console mail,
database task queue). Production is selected by a `SITE_URL` starting with https:// and then
requires `SECRET_KEY` (or `SECRET_KEY_FILE`) and `ALLOWED_HOSTS`. Every variable is listed in
README.md.
"""

import hashlib
import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent
PACKAGE_DIR = BASE_DIR / "newsdesk"

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env(name, default=""):
    return os.environ.get(name, default).strip()


def env_bool(name, default=False):
    value = env(name, "1" if default else "0").lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be one of 1/0, true/false, yes/no; got {value!r}")


def env_int(name, default):
    value = env(name, str(default))
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {value!r}") from None


def env_float(name, default):
    value = env(name, str(default))
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0 < number < float("inf"):
        raise ImproperlyConfigured(f"{name} must be a positive number; got {value!r}")
    return number


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def env_secret(name, default=""):
    """A secret from NAME, or from the file named by NAME_FILE (Docker/systemd credentials)."""
    path = env(f"{name}_FILE")
    if path:
        try:
            return Path(path).read_text().strip()
        except OSError as exc:
            raise ImproperlyConfigured(f"{name}_FILE={path} cannot be read: {exc}") from None
    return env(name, default)


def language_choices(codes):
    """(code, name) for each language code, its name in its own language; unknown codes fail."""
    from django.conf.locale import LANG_INFO

    if not codes:
        raise ImproperlyConfigured("LANGUAGES must name at least one language, e.g. en,uk")
    unknown = [code for code in codes if code not in LANG_INFO]
    if unknown:
        raise ImproperlyConfigured(f"LANGUAGES has codes Django does not know: {unknown}")
    return [(code, LANG_INFO[code]["name_local"]) for code in codes]


# PostgreSQL's own text search configurations (15 and later), named after their languages.
POSTGRES_TEXT_SEARCH_NAMES = (
    "arabic armenian basque catalan danish dutch english finnish french german greek "
    "hindi hungarian indonesian irish italian lithuanian nepali norwegian portuguese "
    "romanian russian serbian spanish swedish tamil turkish yiddish"
)
POSTGRES_TEXT_SEARCH = frozenset(POSTGRES_TEXT_SEARCH_NAMES.split())
SEARCH_CONFIG_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?")


def search_configs(value, codes):
    """{language: PostgreSQL text search configuration} for each language code.

    `value` names them (`en=english,uk=simple`), or is one name for the first language (as
    before editions). Unnamed languages get PostgreSQL's configuration named after them if it
    has one (`de` -> `german`), else `simple`: words as written, lower-cased, no stemming.
    """
    from django.conf.locale import LANG_INFO

    named = {}
    for item in (part.strip() for part in value.split(",") if part.strip()):
        code, _, config = item.rpartition("=")
        named[code.strip() or codes[0]] = config.strip()
    configs = {}
    for code in codes:
        own = LANG_INFO[code]["name"].lower()
        configs[code] = named.pop(code, own if own in POSTGRES_TEXT_SEARCH else "simple")
        if not SEARCH_CONFIG_NAME.fullmatch(configs[code]):
            raise ImproperlyConfigured(f"SEARCH_CONFIG: {configs[code]!r} is not a name")
    if named:
        raise ImproperlyConfigured(f"SEARCH_CONFIG names languages not in LANGUAGES: {named}")
    return configs


SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
if urlsplit(SITE_URL).scheme not in {"http", "https"} or not urlsplit(SITE_URL).hostname:
    raise ImproperlyConfigured(f"SITE_URL must be an http(s) URL; got {SITE_URL!r}")
PRODUCTION = SITE_URL.startswith("https://")

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_secret("SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured(
            "SECRET_KEY (or SECRET_KEY_FILE) must be set when SITE_URL is https"
        )
    # Local runs only: a fixed key keeps sessions across restarts; production refuses it above.
    SECRET_KEY = "newsdesk-local-development-key-not-for-production-use-0123456789"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    if PRODUCTION:
        raise ImproperlyConfigured("ALLOWED_HOSTS must be set when SITE_URL is https")
    ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver", urlsplit(SITE_URL).hostname]
CSRF_TRUSTED_ORIGINS = [SITE_URL]

INSTALLED_APPS = [
    "newsdesk.core",
    "newsdesk.serving",
    "newsdesk.accounts",
    "newsdesk.people",
    "newsdesk.articles",
    "newsdesk.frontpage",
    "newsdesk.livefeed",
    "newsdesk.newsletters",
    "newsdesk.narration",
    "newsdesk.discovery",
    "newsdesk.imports",
    "newsdesk.members",
    "newsdesk.demo",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks_db",
    "anymail",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "newsdesk.core.middleware.request_log_middleware",
    # Outside the security middleware: a cached page keeps the headers it was rendered with
    # (its CSP nonce matches its HTML), and a hit costs nothing further.
    "newsdesk.serving.middleware.page_cache_middleware",
    # The edition's language from the URL's prefix (/uk/...), and only from there.
    "newsdesk.core.editions.edition_middleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "newsdesk.core.middleware.security_headers_middleware",
    "newsdesk.core.middleware.StaticFilesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before anything that reads the database: 503 at once while it is unreachable.
    "newsdesk.core.outage.DatabaseOutageMiddleware",
    "newsdesk.serving.sites.site_middleware",
    "newsdesk.imports.middleware.old_query_redirects_middleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "newsdesk.urls"
WSGI_APPLICATION = "newsdesk.wsgi.application"
ASGI_APPLICATION = "newsdesk.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "newsdesk.core.context_processors.site_context",
                "newsdesk.serving.context_processors.serving_context",
                "newsdesk.articles.context_processors.navigation",
                "django.template.context_processors.csp",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and the worker use the file while a writer commits.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")
    # Under ASGI every request runs in a thread of its own, so persistent connections pile up
    # until PostgreSQL refuses clients; a pool per process bounds them (DB_POOL_SIZE each).
    DB_POOL_SIZE = env_int("DB_POOL_SIZE", 8)
    if DB_POOL_SIZE:
        DATABASES["default"]["CONN_MAX_AGE"] = 0
        DATABASES["default"]["CONN_HEALTH_CHECKS"] = False
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
            "min_size": 1,
            "max_size": DB_POOL_SIZE,
            "timeout": env_int("DB_POOL_TIMEOUT", 20),
        }
    # Parameters bound on the server, so that psycopg prepares the statements a connection runs
    # again and again (after DB_PREPARE_THRESHOLD runs): PostgreSQL then plans each once per
    # pooled connection instead of on every request (the article's row alone took ~1 ms of
    # planning for 0.2 ms of execution). Only with the pool: a connection per request would
    # prepare for nothing.
    if DB_POOL_SIZE and env_bool("DB_SERVER_SIDE_BINDING", True):
        DATABASES["default"]["OPTIONS"]["server_side_binding"] = True
        DATABASES["default"]["OPTIONS"]["prepare_threshold"] = env_int("DB_PREPARE_THRESHOLD", 5)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def default_cache_file(database):
    """Where the shared cache lives without Redis: a file named after the database, so that
    pages cached for one database (before a switch of DATABASE_URL, or another site on the same
    machine) are never served for another."""
    name = Path(str(database["NAME"])).stem or "db"
    where = f"{database['ENGINE']}|{database.get('HOST', '')}|{database.get('PORT', '')}|"
    digest = hashlib.sha256(f"{where}{database['NAME']}".encode()).hexdigest()[:8]
    return BASE_DIR / "cache" / f"{name}-{digest}.sqlite3"


# The cache every process shares (pages, fragments, versions, rate limits): Redis when REDIS_URL
# is set, else a SQLite file on this machine (newsdesk.serving.sqlite_cache). Either answers
# as a miss while it cannot be reached: pages are then rendered uncached.
REDIS_URL = env("REDIS_URL")
CACHE_KEY_PREFIX = env("CACHE_KEY_PREFIX", "newsdesk")
# A relative CACHE_FILE is taken from the project directory, wherever a process starts.
CACHE_FILE = str(
    BASE_DIR / env("CACHE_FILE") if env("CACHE_FILE") else default_cache_file(DATABASES["default"])
)
if REDIS_URL:
    SHARED_CACHE = {
        "BACKEND": "newsdesk.serving.redis_cache.RedisCache",
        "LOCATION": REDIS_URL,
        # A Redis that does not answer is given up on quickly; pages render without it.
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
    }
else:
    SHARED_CACHE = {
        "BACKEND": "newsdesk.serving.sqlite_cache.SQLiteCache",
        "LOCATION": CACHE_FILE,
        # About 70 KB for the largest entries (a page with its two compressed forms).
        "OPTIONS": {"MAX_ENTRIES": env_int("CACHE_MAX_ENTRIES", 10_000)},
    }
# How long an image rendition is cached (newsdesk.serving.lifetimes: `rendition`).
RENDITION_CACHE_SECONDS = 24 * 3600
CACHES = {
    "default": {**SHARED_CACHE, "KEY_PREFIX": CACHE_KEY_PREFIX},
    # {% cache %} fragments: each process keeps the ones it uses in memory, before the shared
    # cache (their keys name the versions of what they show).
    "template_fragments": {
        "BACKEND": "newsdesk.serving.fragments.FragmentCache",
        "LOCATION": "fragments",
        "KEY_PREFIX": CACHE_KEY_PREFIX,
        "OPTIONS": {"SHARED": "default", "MAX_ENTRIES": 2000},
    },
    # Wagtail's image renditions, in memory first in the same way (their keys name the image's
    # file and focal point); newsdesk.core.images reads them for a whole listing at once.
    "renditions": {
        "BACKEND": "newsdesk.serving.fragments.FragmentCache",
        "LOCATION": "renditions",
        "KEY_PREFIX": CACHE_KEY_PREFIX,
        "TIMEOUT": RENDITION_CACHE_SECONDS,
        "OPTIONS": {"SHARED": "default", "MAX_ENTRIES": 5000},
    },
}

# Tests run tasks inline, except those that start real workers (they override this).
# The page cache for anonymous readers (newsdesk.serving) and the front-end caches it purges.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_ALIAS = "default"
# Every cache lifetime, in seconds (newsdesk.serving.lifetimes reads them, for Python and
# templates alike): a page, here and (s-maxage) in nginx;
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
# how long nginx may serve a stale page while it refreshes it (stale-while-revalidate);
PAGE_CACHE_STALE_SECONDS = env_int("PAGE_CACHE_STALE_SECONDS", 60)
# how long a web process answers a page it just read from the page cache from its own memory
# (newsdesk.serving.hot): the most a change made in another process waits;
PAGE_CACHE_HOT_SECONDS = env_float("PAGE_CACHE_HOT_SECONDS", 0.2)
# a 404 page; the time one reader has to renew a page the others get the old copy of;
PAGE_CACHE_MISSING_SECONDS = 60
PAGE_CACHE_RENEWING_SECONDS = 10
# a template fragment ({% cache lifetimes.fragment ... %}; 0: none, as bench/pages.py measures
# them), and its copy in a process's memory;
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", PAGE_CACHE_SECONDS)
FRAGMENT_MEMORY_SECONDS = 60
# an object cached under the versions of what it shows (navigation, related stories);
# an image rendition: RENDITION_CACHE_SECONDS, with the caches above.
VERSIONED_CACHE_SECONDS = 3600
# Threads per web process rendering reader pages (newsdesk.serving.threads): while one waits for
# the database another renders; more than the database pool (DB_POOL_SIZE) would only queue.
# 0: Django's ASGI handler renders them (as bench/pages.py compares).
WEB_THREADS = env_int("WEB_THREADS", 8)
# Query parameters reader pages understand; a URL with any other is not cached. Views that are
# never cached say so themselves (newsdesk.serving.exempt.page_cache_exempt).
PAGE_CACHE_QUERY_PARAMS = {"page", "q", "section", "start", "end", "sort"}


def frontend_caches():
    """WAGTAILFRONTENDCACHE: the caches every publication purges. Each nginx purge server in
    FRONTEND_CACHE_URL (comma separated, one per web machine), Cloudflare with
    CLOUDFLARE_ZONE_ID, CloudFront with CLOUDFRONT_DISTRIBUTION_ID (deploy/README.md lists the
    permissions each needs)."""
    caches = {}
    for number, location in enumerate(env_list("FRONTEND_CACHE_URL"), 1):
        if urlsplit(location).scheme not in {"http", "https"} or not urlsplit(location).hostname:
            raise ImproperlyConfigured(f"FRONTEND_CACHE_URL holds a non-URL: {location!r}")
        caches["nginx" if number == 1 else f"nginx{number}"] = {
            "BACKEND": "newsdesk.serving.purge.PurgeBackend",
            "LOCATION": location,
        }
    if zone := env("CLOUDFLARE_ZONE_ID"):
        if not (token := env_secret("CLOUDFLARE_API_TOKEN")):
            raise ImproperlyConfigured("CLOUDFLARE_ZONE_ID needs CLOUDFLARE_API_TOKEN")
        caches["cloudflare"] = {
            "BACKEND": "newsdesk.serving.purge.CloudflareBackend",
            "ZONEID": zone,
            "BEARER_TOKEN": token,
        }
    if distribution := env("CLOUDFRONT_DISTRIBUTION_ID"):
        caches["cloudfront"] = {
            # boto3, from the s3 extra; keys of their own, or boto3's (AWS_ACCESS_KEY_ID, a role).
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": distribution,
            "AWS_ACCESS_KEY_ID": env_secret("CLOUDFRONT_ACCESS_KEY_ID") or None,
            "AWS_SECRET_ACCESS_KEY": env_secret("CLOUDFRONT_SECRET_ACCESS_KEY") or None,
        }
    return caches


WAGTAILFRONTENDCACHE = frontend_caches()

TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default", "narration", "mail"],
    }
}

# A worker beats every WORKER_HEARTBEAT_INTERVAL seconds; RUNNING tasks of a worker silent for
# TASK_STALE_AFTER seconds are re-queued, at most TASK_MAX_ATTEMPTS times in all.
WORKER_HEARTBEAT_INTERVAL = env_int("WORKER_HEARTBEAT_INTERVAL", 5)
TASK_STALE_AFTER = env_int("TASK_STALE_AFTER", 60)
TASK_MAX_ATTEMPTS = env_int("TASK_MAX_ATTEMPTS", 3)
# /healthz fails when a queue of HEALTHZ_QUEUES has no living worker or a task that has waited
# longer than HEALTHZ_MAX_QUEUE_WAIT seconds; other queues (narration) are only reported. Its
# details (timings, task counts, workers) are shown with HEALTHZ_TOKEN (a bearer token or
# ?token=) and to requests made on this machine without a proxy; others get the ok flags only.
HEALTHZ_MAX_QUEUE_WAIT = env_int("HEALTHZ_MAX_QUEUE_WAIT", 600)
HEALTHZ_QUEUES = env_list("HEALTHZ_QUEUES", "default,mail")
HEALTHZ_TOKEN = env_secret("HEALTHZ_TOKEN")

AUTHENTICATION_BACKENDS = ["newsdesk.accounts.backends.LockoutModelBackend"]
WAGTAILADMIN_USER_LOGIN_FORM = "newsdesk.accounts.forms.LoginForm"
LOGIN_MAX_FAILURES = env_int("LOGIN_MAX_FAILURES", 5)
LOGIN_MAX_FAILURES_PER_IP = env_int("LOGIN_MAX_FAILURES_PER_IP", 20)
LOGIN_LOCKOUT_WINDOW = env_int("LOGIN_LOCKOUT_WINDOW", 15 * 60)
# Behind a reverse proxy that sets X-Forwarded-For, the client is its last entry.
USE_X_FORWARDED_FOR = env_bool("USE_X_FORWARDED_FOR", False)
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 12 * 60 * 60)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Editions: one per language, the first the default (served at /, the others under /<code>/).
# Names come from Django's list of languages, in the language itself (English, українська).
LANGUAGES = language_choices(env_list("LANGUAGES", "en,uk"))
LANGUAGE_CODE = LANGUAGES[0][0]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = env("TIME_ZONE", "Europe/Kyiv")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
MEDIA_URL = env("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))

# Images, renditions and narration audio in browsers and CDNs (Cache-Control).
MEDIA_CACHE_SECONDS = env_int("MEDIA_CACHE_SECONDS", 86400)
MEDIA_ORIGIN = env("MEDIA_ORIGIN").rstrip("/")  # e.g. an S3 or CDN origin serving images and audio

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Media on S3-compatible object storage (the `s3` extra; README, deploy/README.md). Readers
# fetch objects from MEDIA_ORIGIN, the bucket's public address or a CDN in front of it.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    if urlsplit(MEDIA_ORIGIN).scheme not in {"http", "https"}:
        raise ImproperlyConfigured(
            "MEDIA_ORIGIN must be the bucket's public URL (or its CDN's) when "
            "AWS_STORAGE_BUCKET_NAME is set, e.g. https://media.example.org; "
            f"got {MEDIA_ORIGIN!r}"
        )
    if env("AWS_S3_ADDRESSING_STYLE") not in {"", "auto", "path", "virtual"}:
        raise ImproperlyConfigured("AWS_S3_ADDRESSING_STYLE must be auto, path or virtual")
    STORAGES["default"] = {
        "BACKEND": "newsdesk.serving.storage.S3MediaStorage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            # None: boto3's own lookup (AWS_ACCESS_KEY_ID in the environment, an instance role).
            "access_key": env_secret("AWS_ACCESS_KEY_ID") or None,
            "secret_key": env_secret("AWS_SECRET_ACCESS_KEY") or None,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env("AWS_S3_REGION_NAME") or None,
            "addressing_style": env("AWS_S3_ADDRESSING_STYLE") or None,
            "location": env("AWS_LOCATION"),
            # AWS S3 and most others: public-read only where the bucket allows ACLs; R2 and
            # buckets with "object ownership enforced" are made public by a bucket policy.
            "default_acl": env("AWS_DEFAULT_ACL") or None,
            "url_protocol": f"{urlsplit(MEDIA_ORIGIN).scheme}:",
            "custom_domain": MEDIA_ORIGIN.split("://", 1)[1],
        },
    }
    # Documents are not in the bucket's public folders (deploy/README.md): Django sends them,
    # after Wagtail's privacy checks, rather than redirecting readers to the object.
    WAGTAILDOCS_SERVE_METHOD = "serve_view"

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_URL = env("EMAIL_URL", "console:")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "The Newsroom <newsroom@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL


def mailer_from_url(url):
    """A MAILERS entry for EMAIL_URL: smtp://, smtp+tls://, smtp+ssl://, console:, file:/path."""
    parts = urlsplit(url)
    scheme = parts.scheme
    backends = "django.core.mail.backends"
    if scheme == "console":
        return {"BACKEND": f"{backends}.console.EmailBackend"}
    if scheme == "file":
        return {
            "BACKEND": f"{backends}.filebased.EmailBackend",
            "OPTIONS": {"file_path": parts.path or str(BASE_DIR / "mail")},
        }
    if scheme == "locmem":
        return {"BACKEND": f"{backends}.locmem.EmailBackend"}
    if scheme in {"smtp", "smtp+tls", "smtp+ssl"}:
        if not parts.hostname:
            raise ImproperlyConfigured(f"EMAIL_URL needs a host: {scheme}://host:port")
        return {
            "BACKEND": f"{backends}.smtp.EmailBackend",
            "OPTIONS": {
                "host": parts.hostname,
                "port": parts.port or {"smtp+ssl": 465, "smtp+tls": 587}.get(scheme, 25),
                "username": unquote(parts.username or ""),
                "password": unquote(parts.password or ""),
                "use_tls": scheme == "smtp+tls",
                "use_ssl": scheme == "smtp+ssl",
                "timeout": 30,
            },
        }
    raise ImproperlyConfigured(
        "EMAIL_URL must start with smtp://, smtp+tls://, smtp+ssl://, console: or file:; "
        f"got {url!r}"
    )


MAILERS = {"default": mailer_from_url(EMAIL_URL)}

WAGTAIL_SITE_NAME = env("SITE_NAME", "The Meridian Ledger")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILIMAGES_IMAGE_MODEL = "core.NewsImage"
WAGTAILIMAGES_IMAGE_FORM_BASE = "newsdesk.core.forms.NewsImageForm"  # words per edition
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 128_000_000
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars fetched from a third party: staff privacy, and nothing outside the CSP.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["bold", "italic", "link", "document-link"]},
    }
}
WAGTAILEMBEDS_RESPONSIVE_HTML = True

LOGIN_URL = "wagtailadmin_login"

# Live feed: how often each web process looks for new items (one query for all its open
# streams), and how often an idle stream sends a comment so proxies keep it open.
LIVEFEED_POLL_SECONDS = env_float("LIVEFEED_POLL_SECONDS", 0.5)
LIVEFEED_KEEPALIVE_SECONDS = env_float("LIVEFEED_KEEPALIVE_SECONDS", 15)
# A stream ends after this long and the browser reconnects (nothing is missed): connections
# spread again over the web processes, and none is held by a process that is being replaced.
LIVEFEED_STREAM_SECONDS = env_float("LIVEFEED_STREAM_SECONDS", 900)

if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Readers' pages carry no inline script or style: everything is a file from this site.
EMBED_FRAME_SOURCES = [
    "https://www.youtube-nocookie.com",
    "https://www.youtube.com",
    "https://player.vimeo.com",
]
# The CSP names origins only: MEDIA_ORIGIN may carry the bucket's path.
MEDIA_SOURCES = (
    [f"{urlsplit(MEDIA_ORIGIN).scheme}://{urlsplit(MEDIA_ORIGIN).netloc}"] if MEDIA_ORIGIN else []
)
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:", *MEDIA_SOURCES],
    "media-src": [CSP.SELF, *MEDIA_SOURCES],
    "connect-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "frame-src": EMBED_FRAME_SOURCES,
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# Wagtail 8's admin widgets start with inline <script> initialisers and set inline styles, so the
# admin (staff only, behind sign-in) allows inline code; readers' pages never do.
ADMIN_CSP = {
    **SECURE_CSP,
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "frame-ancestors": [CSP.SELF],
}

LOG_FORMAT = env("LOG_FORMAT", "json" if PRODUCTION else "plain")
if LOG_FORMAT not in {"json", "plain"}:
    raise ImproperlyConfigured(f"LOG_FORMAT must be json or plain; got {LOG_FORMAT!r}")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "newsdesk.core.logging.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "newsdesk.core.logging.JsonFormatter"},
        "plain": {
            "()": "newsdesk.core.logging.PlainFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "django.tasks": {"level": "WARNING"},
        # Access lines come from newsdesk.request; Django's own would repeat them.
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING"},
    },
}

SENTRY_DSN = env("SENTRY_DSN")
if SENTRY_DSN:
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=env("SENTRY_ENVIRONMENT", "production" if PRODUCTION else "local"),
        traces_sample_rate=float(env("SENTRY_TRACES_SAMPLE_RATE", "0")),
        send_default_pii=False,
    )

# narration
# Articles are narrated when published (the test settings turn it off).
NARRATION_ON_PUBLISH = env_bool("NARRATION_ON_PUBLISH", True)
NARRATION_BACKEND = {
    "CLASS": env("NARRATION_BACKEND", "newsdesk.narration.backends.piper.PiperBackend"),
    # NARRATION_VOICE_MODEL: a Piper .onnx voice (its .onnx.json beside it); empty for the
    # bundled CC0 US English voice.
    "OPTIONS": {"model": env("NARRATION_VOICE_MODEL")},
}
# NARRATION_VOICES: a voice per edition's language, e.g. "uk=/srv/voices/uk.onnx,de=/srv/de.onnx".
# The default language uses NARRATION_VOICE_MODEL (or the bundled English voice); any other
# language without a voice here is not narrated (no player), rather than read in English.
NARRATION_VOICES = {
    code.strip(): path.strip()
    for code, _, path in (item.partition("=") for item in env_list("NARRATION_VOICES"))
}
NARRATION_MAX_WORDS = env_int("NARRATION_MAX_WORDS", 10_000)
NARRATION_MAX_ATTEMPTS = env_int("NARRATION_MAX_ATTEMPTS", 3)
NARRATION_RETRY_DELAY = env_int("NARRATION_RETRY_DELAY", 60)  # seconds, doubled per attempt
NARRATION_BITRATE = env_int("NARRATION_BITRATE", 64)  # kbit/s, mono MP3
# Serve MEDIA_ROOT from Django with HTTP Range support (audio seeking) when nginx or S3 does not.
SERVE_MEDIA = env_bool("SERVE_MEDIA", not PRODUCTION)

# discovery
# Wagtail's database search with headline-first ranking; on PostgreSQL each edition's text search
# configuration (stemming and stop words), named rather than left to the server's default:
# SEARCH_CONFIG="en=english,uk=simple" (see search_configs). SEARCH_CONFIG (the default
# language's) also serves what belongs to no edition (authors, images).
WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "newsdesk.discovery.search_backend"
WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIGS"] = search_configs(
    env("SEARCH_CONFIG"), [code for code, _ in LANGUAGES]
)
WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = WAGTAILSEARCH_BACKENDS["default"][
    "SEARCH_CONFIGS"
][LANGUAGE_CODE]
# The logo in every article's structured data; by default a generated mark shipped as a static file.
PUBLISHER_LOGO_URL = env("PUBLISHER_LOGO_URL")

# newsletters
# Sending: rows claimed per batch (one SMTP connection each), how long a claim lasts before another
# worker may take the rows over, how many sending tasks run per issue, how often a watchdog looks
# for rows a dead worker left behind, and how long one task sends before handing over.
NEWSLETTER_BATCH_SIZE = env_int("NEWSLETTER_BATCH_SIZE", 100)
NEWSLETTER_LEASE_SECONDS = env_int("NEWSLETTER_LEASE_SECONDS", 120)
NEWSLETTER_SENDERS = env_int("NEWSLETTER_SENDERS", 2)
NEWSLETTER_WATCH_SECONDS = env_int("NEWSLETTER_WATCH_SECONDS", 30)
NEWSLETTER_TASK_SECONDS = env_int("NEWSLETTER_TASK_SECONDS", 60)
NEWSLETTER_MAX_ATTEMPTS = env_int("NEWSLETTER_MAX_ATTEMPTS", 5)
# A recipient the mail server defers (4xx) is tried again after this many seconds times the
# attempts so far.
NEWSLETTER_RETRY_SECONDS = env_int("NEWSLETTER_RETRY_SECONDS", 60)
# Where List-Unsubscribe's mailto: points; empty means each newsletter's sender address.
NEWSLETTER_UNSUBSCRIBE_MAILTO = env("NEWSLETTER_UNSUBSCRIBE_MAILTO")
# Sign-ups allowed per client IP and per address in a sliding window of the given seconds.
NEWSLETTER_SIGNUPS_PER_IP = env_int("NEWSLETTER_SIGNUPS_PER_IP", 10)
NEWSLETTER_SIGNUPS_PER_ADDRESS = env_int("NEWSLETTER_SIGNUPS_PER_ADDRESS", 3)
NEWSLETTER_SIGNUP_WINDOW = env_int("NEWSLETTER_SIGNUP_WINDOW", 3600)
# How many proxies in front of the site append to X-Forwarded-For (0: use the peer address).
RATELIMIT_PROXY_COUNT = env_int("RATELIMIT_PROXY_COUNT", 0)
# The mail provider whose webhooks (bounces, complaints, mailto: unsubscribes) are received under
# /newsletters/webhooks/<provider>/, in Anymail's spelling (postmark, mailgun, amazon_ses...);
# empty: none.
NEWSLETTER_WEBHOOK_PROVIDER = env("NEWSLETTER_WEBHOOK_PROVIDER")
# Anymail settings from ANYMAIL_* variables, e.g. ANYMAIL_WEBHOOK_SECRET=user:password for the
# bounce and complaint webhooks, ANYMAIL_MAILGUN_WEBHOOK_SIGNING_KEY for signed providers.
ANYMAIL = {
    name.removeprefix("ANYMAIL_"): value
    for name, value in os.environ.items()
    if name.startswith("ANYMAIL_") and value.strip()
}

# imports
# Uploaded exports are kept here, outside the public media folder (they hold drafts and e-mail
# addresses); the task worker reads them from the same place.
IMPORT_FILES_DIR = Path(env("IMPORT_FILES_DIR", str(BASE_DIR / "import-files")))
IMPORT_UPLOAD_MAX_BYTES = env_int("IMPORT_UPLOAD_MAX_BYTES", 1024 * 1024 * 1024)
# A picture fetched with --fetch-media: at most this many bytes, downloaded within this many
# seconds (the whole download, redirects included).
IMPORT_MEDIA_MAX_BYTES = env_int("IMPORT_MEDIA_MAX_BYTES", 20 * 1024 * 1024)
IMPORT_MEDIA_TIMEOUT = env_float("IMPORT_MEDIA_TIMEOUT", 30)

# rate limits (issue 8)
# Searches per client address per window (seconds). Only searches the page cache cannot answer
# count, so repeating one costs nothing. Other public forms (newsletter confirmation and resend,
# unsubscribe per link, page and document passwords, the admin's password reset) allow
# FORM_RATE_LIMIT posts per FORM_RATE_WINDOW each. Behind a proxy set RATELIMIT_PROXY_COUNT (or
# USE_X_FORWARDED_FOR=1, which counts as one proxy), or every reader shares the proxy's address.
SEARCH_RATE_LIMIT = env_int("SEARCH_RATE_LIMIT", 60)
SEARCH_RATE_WINDOW = env_int("SEARCH_RATE_WINDOW", 60)
FORM_RATE_LIMIT = env_int("FORM_RATE_LIMIT", 20)
FORM_RATE_WINDOW = env_int("FORM_RATE_WINDOW", 600)

# Reader revenue (newsdesk.members). Stripe's keys from its dashboard; STRIPE_API_BASE points the
# library at another server (the tests' localstripe), empty for Stripe itself.
STRIPE_SECRET_KEY = env_secret("STRIPE_SECRET_KEY")
STRIPE_WEBHOOK_SECRET = env_secret("STRIPE_WEBHOOK_SECRET")
STRIPE_API_BASE = env("STRIPE_API_BASE")
# A sign-in code (and link) works once, for this many minutes; at most SIGNIN_EMAIL_LIMIT are
# mailed to one address per SIGNIN_EMAIL_WINDOW seconds. A reader stays signed in this long.
SIGNIN_CODE_MINUTES = env_int("SIGNIN_CODE_MINUTES", 15)
SIGNIN_EMAIL_LIMIT = env_int("SIGNIN_EMAIL_LIMIT", 5)
SIGNIN_EMAIL_WINDOW = env_int("SIGNIN_EMAIL_WINDOW", 3600)
READER_SESSION_DAYS = env_int("READER_SESSION_DAYS", 60)
# Forms on /support/ and /account/ lead to Stripe's Checkout and customer portal pages (through a
# redirect, which form-action covers too); and to the API server's origin where one is set.
STRIPE_PAGE_ORIGINS = [
    "https://checkout.stripe.com",
    "https://billing.stripe.com",
    *([f"{urlsplit(STRIPE_API_BASE).scheme}://{urlsplit(STRIPE_API_BASE).netloc}"]
      if STRIPE_API_BASE else []),
]  # fmt: skip
SECURE_CSP["form-action"] = [CSP.SELF, *STRIPE_PAGE_ORIGINS]
