"""The demo's membership tiers: three per edition, in its language and currency, loaded once."""

import io

import pytest
from wagtail.models import Locale

from newsdesk.demo import tiers as demo_tiers
from newsdesk.members.models import Tier

pytestmark = pytest.mark.django_db


def test_it_loads_three_tiers_per_edition_once(uk_home):
    assert demo_tiers.load(io.StringIO()) == 6
    english = list(Tier.objects.filter(locale=Locale.get_default()))
    ukrainian = list(Tier.objects.filter(locale__language_code="uk"))
    assert [t.name for t in english] == ["Reader", "Supporter", "Patron"]
    assert [t.name for t in ukrainian] == ["Читач", "Прихильник", "Меценат"]
    assert {t.currency for t in english} == {"usd"} and {t.currency for t in ukrainian} == {"uah"}
    assert english[0].monthly_price == "$5" and english[0].yearly_price == "$50"
    assert all(len(t.benefit_list) == 3 for t in english + ukrainian)

    assert demo_tiers.load(io.StringIO()) == 0
    assert Tier.objects.count() == 6
