import hashlib
from typing import NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from newsdesk.imports.models import ImportedObject


class Known(NamedTuple):
    pk: int
    object_id: int
    checksum: str
    links_pending: bool


def source_key(source_id):
    source_id = str(source_id)
    if len(source_id) <= 255:
        return source_id
    return "sha256:" + hashlib.sha256(source_id.encode()).hexdigest()


class Provenance:
    """Where the site's imported objects came from, for one source system: read from the
    database once (a run looks up every post and picture it meets) and written through."""

    def __init__(self, system, *, dry_run=False):
        self.system = system
        self.dry_run = dry_run
        rows = ImportedObject.objects.filter(system=system).values_list(
            "pk", "kind", "source_id", "object_id", "checksum", "links_pending"
        )
        self.rows = {
            (kind, source): Known(pk, obj, checksum, pending)
            for pk, kind, source, obj, checksum, pending in rows
        }

    def get(self, kind, source_id):
        return self.rows.get((kind, source_key(source_id)))

    def remember(self, kind, source_id, obj, *, checksum="", links_pending=False):
        key = (kind, source_key(source_id))
        if self.dry_run:
            self.rows[key] = Known(0, obj.pk or 0, checksum, links_pending)
            return
        fields = {
            "content_type": ContentType.objects.get_for_model(obj, for_concrete_model=False),
            "object_id": obj.pk,
            "checksum": checksum,
            "links_pending": links_pending,
            "updated_at": timezone.now(),
        }
        known = self.rows.get(key)
        if known and known.pk:
            ImportedObject.objects.filter(pk=known.pk).update(**fields)
            pk = known.pk
        else:
            pk = ImportedObject.objects.create(
                system=self.system, kind=kind, source_id=key[1], **fields
            ).pk
        self.rows[key] = Known(pk, obj.pk, checksum, links_pending)

    def forget(self, kind, source_id, previous):
        """Undo `remember` in memory after its transaction was rolled back."""
        key = (kind, source_key(source_id))
        if previous is None:
            self.rows.pop(key, None)
        else:
            self.rows[key] = previous

    def links_done(self, kind, source_id):
        known = self.get(kind, source_id)
        if known and known.links_pending:
            ImportedObject.objects.filter(pk=known.pk).update(links_pending=False)
            self.rows[(kind, source_key(source_id))] = known._replace(links_pending=False)

    def pending_links(self, kind):
        return [
            (source, known)
            for (k, source), known in self.rows.items()
            if k == kind and known.links_pending
        ]
