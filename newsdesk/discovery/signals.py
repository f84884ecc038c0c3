from django.db.models.signals import pre_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from newsdesk.articles.models import ArticlePage
from newsdesk.discovery import services


@receiver(page_published, sender=ArticlePage)
def article_published(sender, instance, **kwargs):
    services.article_published(article=instance)


@receiver(page_unpublished, sender=ArticlePage)
def article_unpublished(sender, instance, **kwargs):
    services.article_withdrawn(article=instance)


# Before the deletion, while its section and bylines can still be read.
@receiver(pre_delete, sender=ArticlePage)
def article_deleted(sender, instance, **kwargs):
    services.article_withdrawn(article=instance)
