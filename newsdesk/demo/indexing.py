"""Wagtail's search and reference indexes brought up to date once, at the end of the demo load.

Wagtail queues one task per save for each index: about 650 for the demo, most of them for the
same objects saved again and again while the loader builds them, which the worker of a first
`make run` then works through while the newcomer waits. Django's fixtures avoid this with
`raw=True`; pages published through Wagtail cannot pass it. So while the demo loads, the saves are
noted instead of queued, and afterwards each object is indexed once, in this process, by the same
task functions the worker would have run.
"""

from contextlib import contextmanager, suppress

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler
from modelsearch.tasks import insert_or_update_object_task
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task


@contextmanager
def indexed_once_at_the_end():
    """Index what is saved inside the block once, when the block is done."""
    searched = [m for m in index.get_indexed_models() if getattr(m, "search_auto_update", True)]
    saved = {insert_or_update_object_task: set(), update_reference_index_task: set()}

    def note(sender, instance, raw=False, **kwargs):
        if raw:
            return
        key = (sender._meta.app_label, sender._meta.model_name, str(instance.pk))
        if sender in searched:
            saved[insert_or_update_object_task].add(key)
        if sender in ReferenceIndex.tracked_models:
            saved[update_reference_index_task].add(key)

    for model in searched:
        post_save.disconnect(post_save_signal_handler, sender=model)
    post_save.connect(note, weak=False, dispatch_uid="newsdesk.demo.indexing")
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(dispatch_uid="newsdesk.demo.indexing")
        for model in searched:
            post_save.connect(post_save_signal_handler, sender=model)
    with transaction.atomic():
        for task, keys in saved.items():
            for key in sorted(keys):
                # Deleted again while loading (a replaced correction): nothing to index.
                with suppress(ObjectDoesNotExist):
                    task.call(*key)
