"""An author's name, role or photo changed: their page and every article with their byline."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from newsdesk.people.models import Author
from newsdesk.serving.purge import purge_paths
from newsdesk.serving.versions import bump


@receiver(post_save, sender=Author, dispatch_uid="people.author_saved")
@receiver(post_delete, sender=Author, dispatch_uid="people.author_deleted")
def author_changed(sender, instance, **kwargs):
    links = instance.article_links.select_related("article") if instance.pk else []
    purge_paths([instance.get_absolute_url(), *(link.article.url for link in links)])
    # Cards in listings (front page, sections) print bylines too.
    bump("articles")
