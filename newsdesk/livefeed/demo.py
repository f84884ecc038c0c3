"""The demo newsroom's live feed: about forty updates over the last two days.

Invented, like the rest of the demo. Each update is looked up by its text first, so loading
again changes nothing and a newsroom's own updates are never touched.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from newsdesk.articles.models import ArticlePage, SectionPage
from newsdesk.livefeed import services
from newsdesk.livefeed.models import FeedItem

# (hours ago, text, section slug, article slug, options)
UPDATES = [
    (
        0.2,
        "Air raid alert lifted in Kyiv and the surrounding oblast after 47 minutes.",
        "ukraine",
        None,
        {},
    ),
    (
        0.6,
        "<b>Metro:</b> trains on the red line are running to the normal timetable again.",
        "news",
        None,
        {},
    ),
    (
        0.9,
        "Danube port officials say three grain vessels left Izmail overnight, more than on any "
        "night this month.",
        "world",
        "danube-ports-grain-traffic",
        {},
    ),
    (
        1.4,
        "Air raid alert declared in Kyiv and Kyiv Oblast. Please go to a shelter and follow "
        "official channels.",
        "ukraine",
        None,
        {},
    ),
    (
        2.1,
        "City utility: power has been restored to <b>92%</b> of households on the left bank. "
        "Repairs continue in Darnytskyi district.",
        "news",
        "kyiv-power-restored-after-overnight-strikes",
        {
            "before": (
                "City utility: power has been restored to 90% of households on the left bank."
            ),
            "corrected_after": 0.3,
        },
    ),
    (
        2.8,
        "Scheduled outages are cancelled for today in Kyiv, the grid operator says. Keep "
        "devices charged in case that changes.",
        "news",
        None,
        {"pinned": True},
    ),
    (
        3.5,
        "Regional governor: two people were lightly injured by falling debris in Brovary "
        "district. Both were treated at the scene.",
        "ukraine",
        None,
        {},
    ),
    (
        4.2,
        "Our reporter at the Odesa grain terminal says loading resumed at dawn after a "
        "four-hour pause.",
        "ukraine",
        "odesa-grain-terminal-night-shift",
        {"image": True},
    ),
    (
        5.0,
        "The foreign ministry confirms talks on the accession timetable will continue next "
        "week in Brussels.",
        "world",
        "eu-ministers-weigh-accession-timetable",
        {},
    ),
    (
        5.7,
        "<b>Correction:</b> an earlier update gave the wrong district for the water main "
        "repair. It is Solomianskyi, not Sviatoshynskyi.",
        "news",
        None,
        {},
    ),
    (
        6.3,
        "Water supply is back on in most of Solomianskyi district after a night of repairs.",
        "news",
        None,
        {},
    ),
    (
        7.0,
        "Kharkiv: the city council says the underground school will add a third classroom "
        "by the end of the month.",
        "ukraine",
        "kharkiv-underground-classrooms-afternoon-shift",
        {},
    ),
    (
        7.8,
        "Rail operator: the night train to Uzhhorod leaves 40 minutes late because of the "
        "earlier alert.",
        "news",
        "night-trains-kyiv-uzhhorod-demand",
        {},
    ),
    (
        8.6,
        "Moldova's grid operator says the new interconnector passed its first full-load test.",
        "world",
        "moldova-winter-energy-interconnections",
        {},
    ),
    (
        9.4,
        "Volunteers in Kharkiv report record demand at the central kitchen: just over 1,000 "
        "meals today.",
        "ukraine",
        "kharkiv-volunteer-kitchen-900-meals",
        {},
    ),
    (
        10.2,
        "Heating: the city says radiators in schools and hospitals will be switched on "
        "first, from Monday.",
        "news",
        "heating-season-start-gradual",
        {},
    ),
    (
        11.0,
        "Air raid alert over. No damage reported in the capital, officials say.",
        "ukraine",
        None,
        {},
    ),
    (
        11.5,
        "Air raid alert in Kyiv. Ballistic missile threat, according to the air force.",
        "ukraine",
        None,
        {},
    ),
    (
        12.4,
        "Lorry queues at the Polish border are down to about six hours, the border service "
        "says, from two days last spring.",
        "world",
        "polish-border-freight-shifts-to-rail",
        {},
    ),
    (
        13.3,
        "Deminers in Chernihiv Oblast have returned another 300 hectares of farmland to "
        "use this week.",
        "ukraine",
        "chernihiv-deminers-return-farmland",
        {},
    ),
    (
        14.5,
        "The central bank left its key rate unchanged, as most economists expected.",
        "news",
        None,
        {},
    ),
    (
        15.6,
        "Zakarpattia: the regional administration opens a new help desk for displaced "
        "families in Uzhhorod.",
        "ukraine",
        "displaced-families-zakarpattia-stay-or-return",
        {},
    ),
    (
        16.8,
        "<b>Opinion:</b> one columnist on what a winter of blackouts taught her building.",
        "news",
        "opinion-what-blackouts-taught-my-building",
        {},
    ),
    (
        18.0,
        "Overnight, air defence shot down most of the drones launched at central regions, "
        "the air force says. Figures are not yet confirmed independently.",
        "ukraine",
        None,
        {
            "before": "Overnight, air defence shot down most of the drones launched at central "
            "regions, the air force says.",
            "corrected_after": 1.5,
        },
    ),
    (
        19.2,
        "Good morning. This feed carries short updates from our newsroom through the day.",
        None,
        None,
        {},
    ),
    (
        22.5,
        "Night in Kyiv was calm after 1 a.m. Our live updates resume in the morning.",
        None,
        None,
        {},
    ),
    (
        23.4,
        "Small businesses survey: two in three say outages hurt trade less than a year ago.",
        "news",
        "small-businesses-survey-cautious-improvement",
        {},
    ),
    (
        24.6,
        "Railway repair crews restored the Kharkiv line within five hours of the strike, "
        "the operator says.",
        "ukraine",
        "railway-repair-crews-kharkiv-line",
        {},
    ),
    (
        25.9,
        "Baltic capitals announce joint civil-defence drills for next spring.",
        "world",
        "baltic-towns-revive-civil-defence-drills",
        {},
    ),
    (
        27.1,
        "Power cuts in three districts of Odesa after an overnight attack on energy "
        "infrastructure.",
        "ukraine",
        None,
        {},
    ),
    (
        28.4,
        "Chernihiv's central library reopens its reading room in borrowed rooms at the university.",
        "ukraine",
        "chernihiv-library-reopens-borrowed-rooms",
        {},
    ),
    (
        29.8,
        "EU ministers begin their meeting in Luxembourg; Ukraine is on the afternoon agenda.",
        "world",
        None,
        {},
    ),
    (
        31.2,
        "Air raid alert over in Kyiv. Schools continue lessons after a short break.",
        "ukraine",
        None,
        {},
    ),
    (
        31.6,
        "Air raid alert in Kyiv during the school day. Pupils have moved to shelters.",
        "ukraine",
        "kyiv-school-timetable-air-raid-alerts",
        {},
    ),
    (
        33.0,
        "Mykolaiv water utility: tap water now meets drinking standards in most districts.",
        "ukraine",
        "mykolaiv-water-supply-improves",
        {},
    ),
    (
        35.2,
        "Freight on the Polish border crossing at Yahodyn is running normally this morning.",
        "world",
        None,
        {},
    ),
    (
        38.5,
        "Farmers in the south say insurance for demined land remains the main obstacle.",
        "ukraine",
        "southern-farmers-harvest-mines-costs",
        {},
    ),
    (
        41.0,
        "Power restored in most of Kharkiv after evening outages, the regional grid says.",
        "ukraine",
        None,
        {},
    ),
    (
        44.0,
        "Lviv's drama theatre adds two evening performances of its new play next week.",
        "ukraine",
        "lviv-theatre-season-new-play",
        {},
    ),
    (
        46.5,
        "Good morning from Kyiv. We post short updates here as the day's news develops.",
        None,
        None,
        {},
    ),
]


def paragraph(text):
    return f"<p>{text}</p>"


class FeedLoader:
    def __init__(self):
        self.now = timezone.now()
        users = get_user_model().objects.filter(username__in=["editor", "reporter"])
        self.users = {user.username: user for user in users}
        self.created = 0

    def author(self, n):
        return self.users.get("reporter" if n % 3 else "editor")

    def load(self, n, hours_ago, text, section_slug, article_slug, options):
        final = paragraph(text)
        before = paragraph(options["before"]) if options.get("before") else None
        if FeedItem.objects.filter(text__in=[t for t in (final, before) if t]).exists():
            return
        article = ArticlePage.objects.filter(slug=article_slug).first() if article_slug else None
        published_at = self.now - timedelta(hours=hours_ago)
        item = services.post_item(
            text=before or final,
            author=self.users.get("editor") if options.get("pinned") else self.author(n),
            article=article,
            section=SectionPage.objects.filter(slug=section_slug).first() if section_slug else None,
            image=article.lead_image if article and options.get("image") else None,
            pinned=options.get("pinned", False),
            published_at=published_at,
            trusted=True,  # the demo's reporters' updates as an editor would have published them
        )
        if before:
            item = services.correct_item(item=item, user=item.author, trusted=True, text=final)
            edited_at = published_at + timedelta(hours=options["corrected_after"])
            FeedItem.objects.filter(pk=item.pk).update(edited_at=edited_at)
            item.refresh_from_db()
            item.save()  # re-renders what streams push with the correction's time
        self.created += 1

    def run(self):
        # Oldest first, so cursors follow the order the updates were posted in.
        ordered = sorted(enumerate(UPDATES), key=lambda pair: -pair[1][0])
        with transaction.atomic():
            for n, update in ordered:
                self.load(n, *update)
        return self.created


def load(log):
    return FeedLoader().run()
