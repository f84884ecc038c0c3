from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
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


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def restriction_changed(sender, instance, **kwargs):
    services.restriction_changed(page_id=instance.page_id)
