import django_tasks
import pytest
from asgiref.local import Local
from django.core.cache import cache
from django.core.signals import setting_changed
from django.dispatch import receiver


@receiver(setting_changed)
def _reset_legacy_task_backends(setting, **kwargs):
    # Wagtail's search index tasks are declared with the `django_tasks` package, whose backend
    # handler caches TASKS separately from Django's: reset it too when a test switches backends.
    if setting == "TASKS":
        django_tasks.task_backends.__dict__.pop("settings", None)
        django_tasks.task_backends._connections = Local(django_tasks.task_backends.thread_critical)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Related stories and topics are cached: no test may see another's."""
    cache.clear()
    yield
    cache.clear()
