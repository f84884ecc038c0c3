"""The demo's membership tiers (data/tiers.toml and data/uk/tiers.toml), one set per edition.

Without Stripe's keys the tiers show on /support/ with a note that payments are not set up;
with them, the first checkout of a tier creates its Stripe product and prices.
"""

from wagtail.models import Locale

from newsdesk.demo import content
from newsdesk.members.models import Tier

FILES = {"en": "tiers.toml", "uk": "uk/tiers.toml"}


def load(log):
    created = 0
    for language, name in FILES.items():
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None or Tier.objects.filter(locale=locale).exists():
            continue
        for position, spec in enumerate(content.toml(name)["tiers"]):
            Tier.objects.create(
                name=spec["name"],
                description=spec["description"],
                benefits="\n".join(spec["benefits"]),
                currency=spec["currency"],
                monthly_amount=spec["monthly"] * 100,
                yearly_amount=spec["yearly"] * 100,
                locale=locale,
                sort_order=position,
            )
            created += 1
    return created
