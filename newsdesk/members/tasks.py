"""Mail that follows a payment event, sent by the worker: a webhook answers Stripe at once, and
a mail server that is slow or down does not make Stripe send the event again. Each task takes
an id and is safe to run twice (at worst a second copy of a receipt)."""

from django.tasks import task

from newsdesk.members import mail, stripe_gateway
from newsdesk.members.models import Donation, Membership, Tier


@task(queue_name="mail", priority=10)
def send_receipt(donation_id):
    donation = Donation.objects.filter(pk=donation_id).first()
    if donation is None or not donation.email:
        return False
    mail.send(
        "receipt", to=donation.email, context={"donation": donation}, language=donation.language
    )
    return True


@task(queue_name="mail", priority=10)
def send_membership_mail(membership_id, name):
    membership = Membership.objects.select_related("reader", "tier").filter(pk=membership_id)
    membership = membership.first()
    if membership is None:
        return False
    reader = membership.reader
    mail.send(name, to=reader.email, context={"membership": membership}, language=reader.language)
    return True


@task(priority=0)
def sync_tier(tier_id):
    """The tier's Stripe product and prices, after an editor saved it."""
    tier = Tier.objects.filter(pk=tier_id).first()
    if tier is None:
        return False
    stripe_gateway.sync_tier(tier)
    return True
