from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import Signal, receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from newsdesk.articles import services
from newsdesk.articles.models import ArticlePage, SectionPage
from newsdesk.people.models import Author

# Sent (sender=ArticlePage, instance=the article) by an archive import for each published article
# it asks to be treated as newly published (`--narrate-since`): the import publishes without
# `page_published`, and the apps above articles that react to it (narration) react to this.
article_imported = Signal()


@receiver(page_published, sender=ArticlePage)
@receiver(page_unpublished, sender=ArticlePage)
def article_published_or_withdrawn(sender, instance, **kwargs):
    services.article_changed(article=instance)


@receiver(pre_delete, sender=ArticlePage)
def article_deleted(sender, instance, **kwargs):
    services.article_changed(article=instance)


@receiver(post_page_move)
def page_moved(sender, instance, url_path_before, **kwargs):
    services.page_moved(page=instance, old_url_path=url_path_before)


@receiver(page_published, sender=SectionPage)
@receiver(page_unpublished, sender=SectionPage)
def section_changed(sender, instance, **kwargs):
    services.section_changed(section=instance)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def restriction_changed(sender, instance, **kwargs):
    services.restriction_changed(page_id=instance.page_id)


# Bylines are the articles' own: people never looks at the articles an author wrote.
@receiver(post_save, sender=Author, dispatch_uid="articles.author_saved")
@receiver(post_delete, sender=Author, dispatch_uid="articles.author_deleted")
def author_changed(sender, instance, **kwargs):
    services.author_changed(author=instance)
