"""The demo newsroom's newsletters, a few confirmed readers and a draft issue to try sending.

Mail goes wherever EMAIL_URL says (the console by default), and the readers' addresses are on
reserved example domains, so trying the draft issue reaches nobody.
"""

from django.utils import timezone

from newsdesk.demo import content
from newsdesk.newsletters import addresses
from newsdesk.newsletters.models import Issue, Newsletter, Subscriber, Subscription
from newsdesk.people.models import Author


def load(log):
    created = 0
    newsletters = []
    for position, spec in enumerate(content.NEWSLETTERS):
        newsletter = Newsletter.objects.filter(slug=spec["slug"]).first()
        if newsletter is None:
            newsletter = Newsletter.objects.create(
                slug=spec["slug"],
                name=spec["name"],
                description=spec["description"],
                cadence=spec["cadence"],
                host=Author.objects.filter(slug=spec["host"]).first() if spec.get("host") else None,
                sender_name=spec["sender_name"],
                sort_order=position,
            )
            created += 1
        newsletters.append(newsletter)

    now = timezone.now()
    for number, email in enumerate(content.READERS):
        subscriber, made = Subscriber.objects.get_or_create(
            email=addresses.normalise(email), defaults={"source_url": "/newsletters/"}
        )
        created += made
        # Everyone gets the Morning Brief; every other reader one of the weeklies too.
        wanted = [newsletters[0]] + ([newsletters[1 + number % 2]] if number % 2 == 0 else [])
        for newsletter in wanted:
            _, made = Subscription.objects.get_or_create(
                subscriber=subscriber,
                newsletter=newsletter,
                defaults={"status": Subscription.Status.CONFIRMED, "confirmed_at": now},
            )
            created += made

    if not Issue.objects.filter(newsletter=newsletters[0]).exists():
        Issue.objects.create(
            newsletter=newsletters[0],
            subject=content.DRAFT_ISSUE["subject"],
            intro=content.DRAFT_ISSUE["intro"],
            latest_count=5,
        )
        created += 1
    return created
