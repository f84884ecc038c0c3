from django.tasks import task

from newsdesk.narration import services


@task(queue_name="narration", takes_context=True)
def narrate_article(context, article_id, text_hash, force=False):
    """Synthesise an article's audio; does nothing when the audio already reads its text."""
    return services.narrate(
        article_id=article_id,
        text_hash=text_hash,
        force=force,
        claim_id=context.task_result.id,
    )


@task()
def refresh_lexicon(terms):
    """Queue narration of the articles whose text has one of the changed lexicon terms."""
    return services.refresh_for_terms(terms=terms)
