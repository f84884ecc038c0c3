from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from newsdesk.articles.models import ArticlePage
from newsdesk.articles.signals import article_imported
from newsdesk.narration import services, tasks
from newsdesk.narration.models import Narration


@receiver(page_published, sender=ArticlePage)
def narrate_published_article(sender, instance, **kwargs):
    tasks.narrate_on_publish(article=instance)


@receiver(article_imported, sender=ArticlePage)
def narrate_imported_article(sender, instance, **kwargs):
    tasks.request_narration(article=instance)


@receiver(page_unpublished, sender=ArticlePage)
def withdraw_unpublished_article(sender, instance, **kwargs):
    services.article_withdrawn(article=instance)


# Narrations go with their article by cascade, which calls no delete(): only the signal sees it.
@receiver(post_delete, sender=Narration)
def delete_narration_audio(sender, instance, **kwargs):
    services.narration_deleted(narration=instance)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def restriction_changed(sender, instance, **kwargs):
    services.restriction_changed(page_id=instance.page_id)
