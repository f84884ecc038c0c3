"""Demo content for "The Meridian Ledger", a fictional newsroom.

Pure data: no Django imports, no side effects. Imported by the ``load_demo``
management command. All people, quotes and organisations named in the
articles are invented for demonstration purposes; real places and
institutions appear only as general background.

Formats (see the load_demo command for how they are used):

* ``ARTICLES[i]["body"]`` is a list of ``(block_type, value)`` tuples with
  block types ``paragraph`` (str, may contain <b> and <a href>), ``heading``
  (str), ``quote`` ({"text", "attribution"}), ``image`` ({"title", "alt",
  "caption", "credit", "motif", "seed"}) and ``related`` (str, an article
  slug).
* Times are relative to "now": ``hours_ago`` / ``updated_hours_ago`` /
  corrections' ``hours_ago`` are floats in hours, ``FEED_ITEMS`` use
  ``minutes_ago``.
* Image ``motif`` + ``seed`` are passed to ``newsdesk.demo.images.make_photo``;
  author ``photo_seed`` is passed to ``make_portrait``.
"""

SITE_NAME = "The Meridian Ledger"
TAGLINE = "Independent, reader-funded reporting from Kyiv on Ukraine, Europe and the world."

SECTIONS = [
    {
        "slug": "news",
        "title": "News",
        "intro": "The day’s most important developments, verified and explained as they happen.",
    },
    {
        "slug": "ukraine",
        "title": "Ukraine",
        "intro": (
            "Reporting from cities, villages and front-line regions on how the country lives, "
            "works and rebuilds."
        ),
    },
    {
        "slug": "world",
        "title": "World",
        "intro": (
            "Europe and the wider world, seen from Kyiv: diplomacy, trade, migration and security."
        ),
    },
    {
        "slug": "opinion",
        "title": "Opinion",
        "intro": "Columns and personal essays from our writers; the views expressed are their own.",
    },
    {
        "slug": "explainers",
        "title": "Explainers",
        "intro": "Plain-language guides to the systems, rules and numbers behind the news.",
    },
]

AUTHORS = [
    {
        "slug": "olena-marchuk",
        "name": "Olena Marchuk",
        "role": "Senior correspondent",
        "bio": (
            "Olena Marchuk has reported from Kyiv and the surrounding regions since 2014, with a "
            "focus on infrastructure, energy and how households adapt to war. Before joining The "
            "Meridian Ledger as one of its founding reporters, she worked for a regional newspaper "
            "in Zhytomyr."
        ),
        "photo_seed": 15,
    },
    {
        "slug": "taras-hnatyuk",
        "name": "Taras Hnatyuk",
        "role": "Economics editor",
        "bio": (
            "Taras Hnatyuk covers the economy, agriculture and trade. He trained as an economist "
            "in Kyiv and spent six years at a commodities research firm before moving into "
            "journalism."
        ),
        "photo_seed": 12,
    },
    {
        "slug": "iryna-sobko",
        "name": "Iryna Sobko",
        "role": "Kharkiv correspondent",
        "bio": (
            "Iryna Sobko is based in Kharkiv, where she was born and has stayed throughout the "
            "war. She writes about the city’s schools, its volunteers and the people who keep its "
            "services running."
        ),
        "photo_seed": 16,
    },
    {
        "slug": "daniel-okafor",
        "name": "Daniel Okafor",
        "role": "Brussels correspondent",
        "bio": (
            "Daniel Okafor reports on the European Union, enlargement and Ukraine’s relations with "
            "its neighbours. He previously covered migration policy for a Dutch public broadcaster "
            "and has spent long stretches reporting from western Ukraine."
        ),
        "photo_seed": 13,
    },
    {
        "slug": "marta-kovalenko",
        "name": "Marta Kovalenko",
        "role": "Culture and society editor",
        "bio": (
            "Marta Kovalenko edits the Ledger’s culture and society coverage. She writes about "
            "theatre, libraries and the lives of displaced artists, and runs a weekly writing "
            "workshop for young reporters in Lviv."
        ),
        "photo_seed": 18,
    },
    {
        "slug": "andriy-lysenko",
        "name": "Andriy Lysenko",
        "role": "Explainers editor",
        "bio": (
            "Andriy Lysenko turns complicated subjects — power systems, trade routes, accession "
            "law — into plain-language guides. A former physics teacher, he joined the newsroom to "
            "build its data desk."
        ),
        "photo_seed": 14,
    },
    {
        "slug": "sofia-weiss",
        "name": "Sofia Weiss",
        "role": "World editor",
        "bio": (
            "Sofia Weiss runs the world desk from Kyiv and coordinates the Ledger’s network of "
            "freelance contributors across Europe. She grew up between Vienna and Chernivtsi and "
            "previously worked as an editor at an international news agency."
        ),
        "photo_seed": 28,
    },
    {
        "slug": "petro-savchuk",
        "name": "Petro Savchuk",
        "role": "Columnist",
        "bio": (
            "Petro Savchuk writes a weekly column about daily life, politics and the small "
            "decisions that shape both. He taught Ukrainian literature at a Kyiv secondary school "
            "for twenty years."
        ),
        "photo_seed": 30,
    },
]

ARTICLES = [
    # -------------------- News
    {
        "slug": "kyiv-power-restored-after-overnight-strikes",
        "section": "news",
        "headline": "Kyiv restores power to most districts after overnight strikes on energy sites",
        "standfirst": (
            "Repair crews worked through the night on the city’s left bank. Engineers warn that "
            "scheduled outages may return later in the week while two damaged substations are "
            "assessed."
        ),
        "authors": ["olena-marchuk", "taras-hnatyuk", "andriy-lysenko"],
        "tags": ["energy", "power grid", "kyiv", "air defence"],
        "hours_ago": 2.5,
        "updated_hours_ago": 0.8,
        "lead_image": {
            "title": "Transmission lines outside Kyiv",
            "alt": (
                "Steel electricity pylons carrying high-voltage lines across a flat field towards "
                "the horizon at dusk."
            ),
            "caption": (
                "High-voltage lines on the approach to the capital. Damage to two substations cut "
                "supply to parts of the left bank overnight."
            ),
            "credit": "Mykola Sereda / The Meridian Ledger",
            "motif": "power",
            "seed": 101,
        },
        "body": [
            (
                "paragraph",
                (
                    "Electricity had returned to most homes in Kyiv by mid-morning, about nine "
                    "hours after an overnight attack damaged equipment at two substations that "
                    "feed the capital’s left-bank districts."
                ),
            ),
            (
                "paragraph",
                (
                    "At the height of the outage, shortly after 3 a.m., roughly a third of the "
                    "city’s households were without power, according to figures the regional "
                    "distribution company shared with The Meridian Ledger. By 10 a.m. that share "
                    "had fallen to fewer than one in twenty, most of them in the Darnytskyi and "
                    "Dniprovskyi districts."
                ),
            ),
            (
                "paragraph",
                (
                    "The air-raid alert in the capital lasted a little under three hours. "
                    "Air-defence units were active over the city and residents in several "
                    "neighbourhoods reported hearing explosions. City officials said falling "
                    "debris had damaged cars and a warehouse roof in two districts; there were no "
                    "immediate reports of serious injuries."
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "We had crews waiting at the depots before the all-clear. The first job is "
                        "always to reroute: you move the load onto lines that are still healthy, "
                        "and only then do you start repairing what was hit."
                    ),
                    "attribution": (
                        "Serhii Danylchuk, shift dispatcher at the regional distribution company"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "Danylchuk, who spoke to the Ledger by phone at the end of a fourteen-hour "
                    "shift, said the most seriously damaged equipment was a transformer at one of "
                    "the two substations. Smaller components can be replaced within days from "
                    "stock, he said, but a large transformer is another matter: each one is built "
                    "to order, weighs well over a hundred tonnes and can take months to deliver."
                ),
            ),
            (
                "paragraph",
                (
                    "For residents of high-rise buildings, the outage meant more than darkness. "
                    "Water pumps that push supply to upper floors stopped working in parts of "
                    "Pozniaky and Kharkivskyi, and several housing associations reported lifts "
                    "stuck between floors until generators were started. Nadiia Kravets, a "
                    "67-year-old retired engineer who lives on the fourteenth floor of a building "
                    "in Pozniaky, said she had filled bottles and the bath the previous evening "
                    "“out of habit”. “It is a routine now,” she said. “You charge everything, you "
                    "fill everything, and then you hope you did it for nothing.”"
                ),
            ),
            (
                "paragraph",
                (
                    "The metro ran normally after the all-clear, and several stations were used as "
                    "shelters during the night. Public transport operators said trolleybus routes "
                    "on the left bank were replaced with diesel buses for the morning rush hour."
                ),
            ),
            (
                "paragraph",
                (
                    "Hospitals and other critical facilities switched to backup power during the "
                    "outage, as they are required to. The city’s health department said two "
                    "maternity wards and a dialysis centre on the left bank had run on generators "
                    "for several hours without interruption to patient care, and that fuel "
                    "reserves had been topped up in the morning."
                ),
            ),
            (
                "paragraph",
                (
                    "Mobile networks were patchier. Base stations in Ukraine must carry batteries "
                    "that keep them running for several hours during outages, but some residents "
                    "reported weak signal and slow mobile internet on the left bank before dawn. "
                    "Operators said coverage had returned to normal once mains power was back."
                ),
            ),
            (
                "paragraph",
                (
                    "Engineers cautioned that the quick recovery did not mean the system was back "
                    "to full strength. Power flowing to the left bank is currently being carried "
                    "by fewer lines than usual, which leaves less room for error if demand rises "
                    "with colder weather or if another attack damages equipment nearby. The "
                    "national grid operator has said it will publish any scheduled outages for the "
                    "coming days through the distribution companies’ apps and websites."
                ),
            ),
            (
                "paragraph",
                (
                    "Temperatures in Kyiv are forecast to fall below freezing at night later this "
                    "week. Cold spells raise demand for electricity, engineers said, as households "
                    "switch on electric heaters, which leaves even less spare capacity on the "
                    "lines still in service. The distribution company asked residents to avoid "
                    "running several high-power appliances — kettles, electric ovens, heaters — at "
                    "the same time during the morning and evening peaks over the next few days."
                ),
            ),
            (
                "paragraph",
                (
                    "Businesses, meanwhile, counted the cost. Owners of several cafés and shops on "
                    "the left bank told the Ledger they had run generators for much of the "
                    "morning, with diesel now one of their largest monthly expenses after rent and "
                    "wages. A bakery manager in Darnytskyi said she had moved the start of her "
                    "night shift earlier to finish the most power-hungry work before the evening "
                    "peak."
                ),
            ),
            (
                "paragraph",
                (
                    "Ukraine’s energy system has been a repeated target since the start of the "
                    "full-scale invasion. Repair crews have become very fast at restoring supply, "
                    "but each attack uses up spare parts that are scarce and expensive to replace, "
                    "and much of the equipment now comes from partners abroad."
                ),
            ),
            ("heading", "How we measured the outage"),
            (
                "paragraph",
                (
                    "The share of households without power is based on the number of household "
                    "accounts the distribution company recorded as disconnected at the peak of the "
                    "outage, compared with the total number of household accounts in the city. It "
                    "does not capture homes that kept running on generators or batteries, and it "
                    "counts every flat in a building as disconnected if the building’s supply was "
                    "cut. We will update these figures if the company revises them."
                ),
            ),
            ("related", "how-ukraines-power-grid-works"),
        ],
        "corrections": [],
    },
    {
        "slug": "grain-shipments-hold-steady-odesa-ports",
        "section": "news",
        "headline": (
            "Grain shipments from Odesa-area ports hold steady despite higher insurance costs"
        ),
        "standfirst": (
            "Traders say vessels continue to load at a regular pace, but rising war-risk premiums "
            "are eating into the margins of smaller exporters."
        ),
        "authors": ["taras-hnatyuk"],
        "tags": ["grain", "black sea", "odesa", "economy"],
        "hours_ago": 7.5,
        "updated_hours_ago": None,
        "lead_image": {
            "title": "Bulk carrier on the horizon",
            "alt": "A cargo ship seen as a dark silhouette on the horizon of a calm sea at sunset.",
            "caption": (
                "A bulk carrier waits offshore before entering port. Loading times have remained "
                "stable over the past month, traders say."
            ),
            "credit": "Anna Lytvyn / The Meridian Ledger",
            "motif": "sea",
            "seed": 102,
        },
        "body": [
            (
                "paragraph",
                (
                    "Grain continues to leave the ports around Odesa at a steady rate, according "
                    "to three trading companies and a shipping agent contacted by The Meridian "
                    "Ledger this week, even as the cost of insuring vessels calling at Ukrainian "
                    "terminals has risen again."
                ),
            ),
            (
                "paragraph",
                (
                    "Vessels are typically spending between two and four days in port, the agents "
                    "said, broadly in line with recent months. Most of the cargo is wheat and "
                    "maize, with smaller volumes of barley and sunflower meal heading mainly to "
                    "buyers in the Mediterranean, North Africa and the Middle East."
                ),
            ),
            (
                "paragraph",
                (
                    "The pressure is on price rather than volume. War-risk insurance, which "
                    "shipowners buy on top of ordinary cover before entering a conflict zone, is "
                    "priced as a share of the vessel’s value for each voyage. Brokers said "
                    "premiums had edged up after recent strikes on port infrastructure, adding "
                    "tens of thousands of dollars to the cost of a single call for a large bulk "
                    "carrier."
                ),
            ),
            (
                "paragraph",
                (
                    "“The big houses can absorb it, or spread it across many cargoes,” said "
                    "Vitalii Moroz, who runs a small export business in Odesa that ships mostly to "
                    "Egypt and Tunisia. “For us, one expensive voyage can erase the margin on a "
                    "whole contract. We are still shipping, but we are negotiating every line of "
                    "the freight bill.”"
                ),
            ),
            (
                "paragraph",
                (
                    "Farmers feel the effect further up the chain. Higher shipping and insurance "
                    "costs are usually passed back as lower purchase prices at inland elevators, "
                    "which is why prices paid to growers in Ukraine remain well below those quoted "
                    "at European ports."
                ),
            ),
            (
                "paragraph",
                (
                    "Traders said the main risk in the coming weeks was not a sudden closure but "
                    "gradual attrition: damage to grain terminals and storage that slows loading, "
                    "and a reluctance among some shipowners to send their newest vessels. For a "
                    "guide to how Ukrainian grain reaches its buyers, see our explainer."
                ),
            ),
            ("related", "black-sea-grain-routes-explained"),
        ],
        "corrections": [],
    },
    {
        "slug": "night-trains-kyiv-uzhhorod-demand",
        "section": "news",
        "headline": "State railway adds overnight trains between Kyiv and Uzhhorod as demand grows",
        "standfirst": (
            "Two extra services a week will run from next month. Tickets on the route have sold "
            "out days in advance since the summer."
        ),
        "authors": ["olena-marchuk"],
        "tags": ["rail", "kyiv"],
        "hours_ago": 11.5,
        "updated_hours_ago": None,
        "lead_image": {
            "title": "Platform at dusk",
            "alt": (
                "An empty railway platform with a yellow safety line, lamp posts and overhead "
                "wires stretching towards the horizon at dusk."
            ),
            "caption": (
                "Overnight trains have become the main way to cross the country since air travel "
                "was suspended."
            ),
            "credit": "Mykola Sereda / The Meridian Ledger",
            "motif": "rail",
            "seed": 103,
        },
        "body": [
            (
                "paragraph",
                (
                    "Ukraine’s state railway will add two overnight trains a week between Kyiv and "
                    "Uzhhorod from next month, the company said, after a summer and autumn in "
                    "which tickets on the route routinely sold out several days ahead."
                ),
            ),
            (
                "paragraph",
                (
                    "The new services will leave Kyiv on Thursday and Sunday evenings and arrive "
                    "in the Zakarpattia regional centre the following morning, with stops in Lviv "
                    "and Mukachevo. Each train will have sleeper carriages and one carriage fitted "
                    "for passengers with reduced mobility."
                ),
            ),
            (
                "paragraph",
                (
                    "With the country’s airspace closed to civilian flights, long-distance trains "
                    "carry travellers of every kind: soldiers on leave, families visiting "
                    "relatives who moved west, business people heading to the border crossings "
                    "with Slovakia and Hungary, and foreign delegations on their way to Kyiv. "
                    "Uzhhorod is also a common starting point for people travelling onwards to the "
                    "European Union."
                ),
            ),
            (
                "paragraph",
                (
                    "Passengers on the route describe a familiar ritual: booking through the "
                    "railway’s app the minute sales open, then refreshing it for returned tickets. "
                    "“I set an alarm for the release time,” said Liliia Horbach, a teacher from "
                    "Kyiv whose parents live near Mukachevo. “If you wait until lunch, you are on "
                    "the waiting list.”"
                ),
            ),
            (
                "paragraph",
                (
                    "The railway has not said how many extra seats the new services will add. It "
                    "has repeatedly pointed to a shortage of modern sleeper carriages, many of "
                    "which are decades old and need frequent repairs, as the main limit on how "
                    "quickly it can expand."
                ),
            ),
        ],
        "corrections": [],
    },
    {
        "slug": "eu-ministers-weigh-accession-timetable",
        "section": "news",
        "headline": (
            "EU ministers weigh timetable for opening the next accession chapters with Ukraine"
        ),
        "standfirst": (
            "Diplomats in Brussels describe broad support for moving ahead, but several capitals "
            "want firmer evidence of progress on courts and public procurement first."
        ),
        "authors": ["daniel-okafor"],
        "tags": ["eu accession", "europe"],
        "hours_ago": 15.5,
        "updated_hours_ago": 4.0,
        "lead_image": {
            "title": "European quarter at dusk",
            "alt": (
                "Office buildings silhouetted against an orange and violet evening sky, with lit "
                "windows and a construction crane."
            ),
            "caption": (
                "The European quarter in Brussels, where ministers met to discuss enlargement."
            ),
            "credit": "Pieter Vanhove / The Meridian Ledger",
            "motif": "city",
            "seed": 104,
        },
        "body": [
            (
                "paragraph",
                (
                    "European Union ministers meeting in Brussels discussed when to open the next "
                    "groups of negotiating chapters with Ukraine, with diplomats describing wide "
                    "support for moving ahead but disagreement over how quickly."
                ),
            ),
            (
                "paragraph",
                (
                    "Four diplomats from different member states, who spoke on condition of "
                    "anonymity because the discussions were confidential, said most governments "
                    "favoured opening at least one new cluster of chapters within the next few "
                    "months. A smaller group of capitals argued that the Commission should first "
                    "report in more detail on reforms to the selection of judges and on the rules "
                    "that govern public procurement."
                ),
            ),
            (
                "paragraph",
                (
                    "Accession talks are organised into 35 chapters, each covering an area of EU "
                    "law, grouped into six clusters. Every step — opening a cluster, and later "
                    "closing each chapter — requires the unanimous agreement of all member states, "
                    "which gives any single government the ability to slow the process."
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Nobody in the room is arguing about whether Ukraine belongs on this path. "
                        "The argument is about sequencing, and about how much each government "
                        "wants to see written down before it says yes."
                    ),
                    "attribution": (
                        "Lena Haugaard, researcher at the Centre for European Neighbourhood Studies"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "Haugaard, whose centre is an independent Brussels think tank that follows "
                    "enlargement, said the debate reflected a familiar pattern. Candidate "
                    "countries often move faster on legislation than on implementation, she said, "
                    "and member states have become more cautious after earlier enlargements in "
                    "which some reforms were later reversed."
                ),
            ),
            (
                "paragraph",
                (
                    "Ukrainian officials have argued that the country has already passed a large "
                    "body of legislation aligned with EU rules, much of it while under attack, and "
                    "that delays risk sending the wrong signal to the public at home. Opinion "
                    "polls in Ukraine consistently show strong support for membership, though "
                    "researchers note that expectations about how soon it could happen vary widely."
                ),
            ),
            (
                "paragraph",
                (
                    "The questions raised at the meeting were not only about Kyiv. Several "
                    "diplomats said that member states were also debating how the Union itself "
                    "would need to change to absorb a country of Ukraine’s size, particularly its "
                    "agricultural sector, which would qualify for a large share of farm subsidies "
                    "under the current rules. Those discussions are at an early stage and are not "
                    "formally part of the accession negotiations."
                ),
            ),
            (
                "paragraph",
                (
                    "Farmers’ organisations in neighbouring countries have followed the debate "
                    "closely since disputes over grain imports in recent years. One diplomat from "
                    "a central European member state said his government supported opening new "
                    "chapters but wanted “realistic transition periods” for agriculture to be "
                    "discussed early rather than at the end."
                ),
            ),
            (
                "paragraph",
                (
                    "The Commission is expected to present an updated assessment of Ukraine’s "
                    "progress ahead of a further meeting of ministers. No decision was taken at "
                    "the meeting, and none had been expected."
                ),
            ),
            (
                "paragraph",
                (
                    "<b>Update:</b> This article has been updated to add comments from a diplomat "
                    "from a central European member state on agricultural transition periods."
                ),
            ),
            ("related", "eu-accession-explained"),
        ],
        "corrections": [],
    },
    {
        "slug": "heating-season-start-gradual",
        "section": "news",
        "headline": (
            "Heating season to start gradually as cities balance gas reserves and repair work"
        ),
        "standfirst": (
            "Hospitals, schools and kindergartens will be connected first. Residential buildings "
            "follow once average temperatures stay below eight degrees for three days."
        ),
        "authors": ["taras-hnatyuk"],
        "tags": ["energy", "economy"],
        "hours_ago": 20.5,
        "updated_hours_ago": None,
        "lead_image": None,
        "body": [
            (
                "paragraph",
                (
                    "Municipal heating companies across Ukraine are preparing to switch on central "
                    "heating in stages this autumn, starting with hospitals, schools and "
                    "kindergartens, as cities try to stretch gas supplies and finish repairs to "
                    "damaged boiler houses."
                ),
            ),
            (
                "paragraph",
                (
                    "Under the usual rule, residential buildings are connected once the average "
                    "daily temperature stays below eight degrees Celsius for three consecutive "
                    "days. Several city administrations have said they will follow that rule "
                    "strictly this year rather than bringing the date forward in response to the "
                    "first cold nights."
                ),
            ),
            (
                "paragraph",
                (
                    "Heating in most Ukrainian cities is supplied by large district systems: "
                    "combined heat and power plants or boiler houses that heat water and pump it "
                    "through underground networks to apartment blocks. Damage to a single plant "
                    "can leave tens of thousands of flats without heat, which is why many cities "
                    "have spent the summer installing smaller, modular boilers that can keep "
                    "individual districts warm if a larger plant goes offline."
                ),
            ),
            (
                "paragraph",
                (
                    "Roman Dziuba, an engineer at a heating company in central Ukraine, said the "
                    "modular units were “not elegant, but they are insurance”. His company "
                    "installed eleven over the summer, each able to heat roughly a dozen apartment "
                    "blocks."
                ),
            ),
            (
                "paragraph",
                (
                    "Household tariffs for heating and gas have been frozen for residential "
                    "customers, with the difference covered from the state budget. Economists have "
                    "warned that the cost of the freeze is rising and that any changes would need "
                    "to be paired with targeted subsidies for low-income households, many of whom "
                    "already spend a large share of their income on utilities in winter."
                ),
            ),
            (
                "paragraph",
                (
                    "Residents have been advised to insulate windows and radiator valves and to "
                    "keep a supply of warm clothing and blankets in case of interruptions."
                ),
            ),
        ],
        "corrections": [],
    },
    {
        "slug": "kharkiv-underground-classrooms-afternoon-shift",
        "section": "news",
        "headline": "Kharkiv’s underground classrooms add an afternoon shift for 600 more pupils",
        "standfirst": (
            "Pupils who have studied online for years will spend part of the week in a school "
            "built below ground. Teachers say the hardest part is not the timetable but the "
            "catching up."
        ),
        "authors": ["iryna-sobko"],
        "tags": ["kharkiv", "education"],
        "hours_ago": 26.0,
        "updated_hours_ago": None,
        "lead_image": {
            "title": "Kharkiv at dusk",
            "alt": "Apartment blocks in silhouette against a dusk sky, with scattered lit windows.",
            "caption": (
                "Residential districts in northern Kharkiv, where many families still rely on "
                "online schooling."
            ),
            "credit": "Iryna Sobko / The Meridian Ledger",
            "motif": "city",
            "seed": 106,
        },
        "body": [
            (
                "paragraph",
                (
                    "An underground school in Kharkiv will begin an afternoon shift next week, "
                    "allowing about 600 more pupils to attend lessons in person for part of the "
                    "week, the city’s education department said."
                ),
            ),
            (
                "paragraph",
                (
                    "The school, built several metres below ground with reinforced walls and its "
                    "own ventilation and backup power, has operated a morning shift since it "
                    "opened. The afternoon shift will serve pupils from five nearby schools whose "
                    "buildings are considered too exposed for regular classes. Each class will "
                    "attend in person two or three days a week and continue online on the other "
                    "days."
                ),
            ),
            (
                "paragraph",
                (
                    "Kharkiv lies about 30 kilometres from the Russian border, and missiles can "
                    "reach the city in well under a minute, far less time than it takes to move a "
                    "class of children to a shelter. For that reason most of the city’s schools "
                    "have taught online for long stretches of the war, with some classrooms set up "
                    "in metro stations."
                ),
            ),
            (
                "paragraph",
                (
                    "The underground building has classrooms along two corridors, a small gym and "
                    "a canteen. Bright LED panels designed to mimic daylight replace windows, and "
                    "local artists have painted the corridor walls with forests and seascapes. "
                    "Pupils in the morning shift said the lack of windows felt strange at first, "
                    "but that they had stopped noticing it."
                ),
            ),
            (
                "paragraph",
                (
                    "Capacity is limited by ventilation and by the number of people who can be "
                    "evacuated safely through the exits, which is why the city chose to add a "
                    "second shift rather than enlarge classes."
                ),
            ),
            (
                "image",
                {
                    "title": "Metro platform used as a classroom",
                    "alt": (
                        "A long underground platform with rails and overhead lights receding into "
                        "the distance."
                    ),
                    "caption": (
                        "Before the underground school opened, some classes were held on metro "
                        "platforms, separated from the tracks by temporary partitions."
                    ),
                    "credit": "Iryna Sobko / The Meridian Ledger",
                    "motif": "rail",
                    "seed": 501,
                },
            ),
            (
                "quote",
                {
                    "text": (
                        "Timetables we can solve. What worries me is the gap. Some of these "
                        "children did most of primary school on a phone screen. We have to find "
                        "out what they know, not what their report cards say."
                    ),
                    "attribution": "Larysa Tkach, deputy head teacher",
                },
            ),
            (
                "paragraph",
                (
                    "Tkach, who will coordinate the afternoon shift, said teachers would spend the "
                    "first two weeks assessing pupils in mathematics and Ukrainian before settling "
                    "on lesson plans. The school has also arranged for two psychologists to be "
                    "present during the afternoon shift, one more than in the morning."
                ),
            ),
            (
                "paragraph",
                (
                    "Parents the Ledger spoke to outside a neighbouring school were largely "
                    "positive. Oksana Pylypenko, whose son is in the seventh grade, said he had "
                    "“forgotten how to be in a room with thirty people”. Another parent worried "
                    "about the commute: the afternoon shift ends after dark in winter, and public "
                    "transport in the area is less frequent in the evening. The city said it would "
                    "add a school bus on two routes."
                ),
            ),
            (
                "paragraph",
                (
                    "City officials have said they plan to open further underground schools in "
                    "other districts. Each one takes many months to build, and costs several times "
                    "more than an ordinary school of the same capacity, according to the education "
                    "department."
                ),
            ),
        ],
        "corrections": [],
    },
    {
        "slug": "chernihiv-deminers-return-farmland",
        "section": "news",
        "headline": (
            "Deminers return farmland to use in Chernihiv region, but large areas remain off limits"
        ),
        "standfirst": (
            "Fields around one village have been declared safe after months of survey and "
            "clearance. Farmers nearby are still waiting for their turn."
        ),
        "authors": ["olena-marchuk"],
        "tags": ["demining", "reconstruction"],
        "hours_ago": 33.5,
        "updated_hours_ago": 20.0,
        "lead_image": {
            "title": "Cleared field",
            "alt": (
                "A wide field of ripe wheat under a cloudy sky, with a line of trees on the "
                "horizon."
            ),
            "caption": (
                "Farmland in Chernihiv region. Fields must be surveyed and, where needed, cleared "
                "before they can be worked again."
            ),
            "credit": "Mykola Sereda / The Meridian Ledger",
            "motif": "field",
            "seed": 107,
        },
        "body": [
            (
                "paragraph",
                (
                    "Demining teams have returned about 420 hectares of farmland to use around a "
                    "village in the north of Chernihiv region, completing work that began in the "
                    "spring, according to the humanitarian demining organisation that carried it "
                    "out."
                ),
            ),
            (
                "paragraph",
                (
                    "The fields had been unused since the early months of the full-scale invasion, "
                    "when the area was briefly occupied. Survey teams first interviewed residents "
                    "and studied satellite images to narrow down where explosive ordnance was "
                    "likely to be, before clearance teams worked through the suspected areas with "
                    "detectors and, in some places, armoured machines."
                ),
            ),
            (
                "paragraph",
                (
                    "Most of what the teams found was not mines but unexploded shells and rocket "
                    "fragments, said Vasyl Ostapenko, who led the clearance work. “People imagine "
                    "neat rows of mines,” he said. “Usually it is scattered, and you cannot "
                    "predict it. That is why the survey matters so much: it tells you where not to "
                    "waste months.”"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "For two years I looked at that field from my kitchen window and could not "
                        "set foot in it. This autumn we will sow winter wheat. I still walk the "
                        "edges first, every morning. I suppose I always will."
                    ),
                    "attribution": "Mykhailo Rudenko, farmer",
                },
            ),
            (
                "paragraph",
                (
                    "Rudenko farms about 60 hectares with his son. He said the family had survived "
                    "the past two years by renting land in a neighbouring district and taking "
                    "construction work in the winter."
                ),
            ),
            (
                "paragraph",
                (
                    "The released fields were handed over at a short meeting in the village hall, "
                    "where the clearance team presented maps showing what had been found and "
                    "where. Residents asked detailed questions: whether the forest edge had been "
                    "checked, whether a drainage ditch was included, whether children could use "
                    "the path to the river. Some of the answers were no. Those areas remain marked "
                    "and will be surveyed separately. Ostapenko said his teams had found and "
                    "destroyed more than 300 items in the area."
                ),
            ),
            (
                "paragraph",
                (
                    "Across Chernihiv region, thousands of hectares are still marked as "
                    "potentially contaminated. Demining organisations say the pace of clearance "
                    "has increased as more teams are trained and equipped, but that the total area "
                    "suspected across Ukraine is so large that the work will take many years. "
                    "Agricultural land is often prioritised because of its importance to rural "
                    "incomes and to exports."
                ),
            ),
            (
                "paragraph",
                (
                    "Farmers waiting for their land to be surveyed told the Ledger that the "
                    "uncertainty was almost as damaging as the contamination itself. Without a "
                    "date for clearance, they said, it is difficult to plan purchases of seed and "
                    "fertiliser, or to persuade a bank to lend."
                ),
            ),
            (
                "paragraph",
                (
                    "The regional administration has said it will publish a public map showing "
                    "which areas have been surveyed, which are under clearance and which have been "
                    "released. Local officials urged residents not to enter marked areas or touch "
                    "unfamiliar objects, and to report them to the emergency services."
                ),
            ),
            ("related", "what-it-takes-to-clear-a-field-of-mines"),
        ],
        "corrections": [
            {
                "hours_ago": 20.0,
                "text": (
                    "An earlier version of this article gave the area of released farmland as "
                    "4,200 hectares. The correct figure is about 420 hectares."
                ),
            },
        ],
    },
    {
        "slug": "small-businesses-survey-cautious-improvement",
        "section": "news",
        "headline": "Fewer outages, steadier trade: small businesses report a cautious improvement",
        "standfirst": (
            "A survey of more than 1,200 owners finds fewer firms cutting staff, though most still "
            "name electricity and security as their biggest risks."
        ),
        "authors": ["taras-hnatyuk"],
        "tags": ["economy", "energy"],
        "hours_ago": 40.0,
        "updated_hours_ago": None,
        "lead_image": {
            "title": "Shopfronts after dark",
            "alt": (
                "City buildings at dusk with warm light in some windows and darker office blocks "
                "behind."
            ),
            "caption": (
                "Many small businesses now budget for generators and fuel as a standing cost."
            ),
            "credit": "Anna Lytvyn / The Meridian Ledger",
            "motif": "city",
            "seed": 108,
        },
        "body": [
            (
                "paragraph",
                (
                    "Small businesses in Ukraine reported slightly better trading conditions over "
                    "the past three months, according to a quarterly survey of more than 1,200 "
                    "owners published by the Small Business Forum, a Kyiv-based membership "
                    "organisation."
                ),
            ),
            (
                "paragraph",
                (
                    "The share of respondents who said they had cut staff during the quarter fell "
                    "to about one in eight, down from roughly one in five in the previous survey. "
                    "Just over a third said revenue had increased, while a quarter said it had "
                    "fallen."
                ),
            ),
            (
                "paragraph",
                (
                    "The improvement was uneven. Businesses in western and central regions were "
                    "far more likely to report growth than those in the east and south, where "
                    "owners described frequent alerts, damaged premises and customers who had "
                    "moved away."
                ),
            ),
            (
                "paragraph",
                (
                    "Asked to name their three biggest risks, most respondents listed power "
                    "outages, security and a shortage of workers. The labour shortage has become "
                    "more pressing as men of military age are mobilised and many women who left "
                    "the country have not returned."
                ),
            ),
            (
                "paragraph",
                (
                    "“Nobody I know is optimistic in the normal sense of the word,” said Halyna "
                    "Boiko, who runs a print shop in Vinnytsia and sits on the forum’s board. “But "
                    "people have learned how to plan around outages. They bought generators, they "
                    "moved work to the hours when power is most reliable. Those fixed costs are "
                    "paid now, and it shows in the numbers.”"
                ),
            ),
            (
                "paragraph",
                (
                    "The survey is not a representative sample of all Ukrainian businesses: "
                    "respondents are members of the forum who chose to take part. Economists say "
                    "such surveys are most useful for tracking changes over time among the same "
                    "group rather than for measuring the whole economy."
                ),
            ),
        ],
        "corrections": [],
    },
    # -------------------- Ukraine
    {
        "slug": "odesa-grain-terminal-night-shift",
        "section": "ukraine",
        "headline": "On the night shift at an Odesa grain terminal, the work never really stops",
        "standfirst": (
            "Alerts, blackouts and a sea that can turn dangerous without warning: the people who "
            "load Ukraine’s grain describe how a port keeps working when almost everything around "
            "it is uncertain."
        ),
        "authors": ["olena-marchuk"],
        "tags": ["odesa", "grain", "black sea"],
        "hours_ago": 5.0,
        "updated_hours_ago": None,
        "lead_image": {
            "title": "Evening over the Black Sea",
            "alt": (
                "Sun setting over a calm sea, with a distant ship silhouetted on the horizon and "
                "light reflecting on the water."
            ),
            "caption": (
                "Ships wait offshore near Odesa. Terminal crews work around the clock when a "
                "vessel is alongside."
            ),
            "credit": "Anna Lytvyn / The Meridian Ledger",
            "motif": "sea",
            "seed": 109,
        },
        "body": [
            (
                "paragraph",
                (
                    "At a quarter to eight in the evening, the night shift at a grain terminal on "
                    "the edge of Odesa gathers in a prefabricated cabin that smells of instant "
                    "coffee and diesel. Andrii Kushnir, the shift supervisor, reads out the plan: "
                    "one bulk carrier alongside, loading wheat for Egypt; forty-two railway wagons "
                    "waiting to be unloaded; a conveyor on the second line that has been making a "
                    "noise nobody likes."
                ),
            ),
            (
                "paragraph",
                (
                    "Then he reads out the other plan, the one that has become part of every "
                    "briefing since the war reached the ports. Where each team goes when the alert "
                    "sounds. Who shuts down which conveyor. Who stays in the control room and who "
                    "goes to the shelter, a concrete bunker behind the administration building "
                    "with benches, water and a first-aid kit."
                ),
            ),
            (
                "paragraph",
                (
                    "“Most nights it is just work,” Kushnir said. “Some nights it is work with "
                    "interruptions. We try to make sure the interruptions are boring.”"
                ),
            ),
            ("heading", "A port that runs on trains"),
            (
                "paragraph",
                (
                    "The terminal, one of several in the Odesa area, is owned by a private "
                    "agricultural company that asked not to be named for security reasons. It can "
                    "store a little over 100,000 tonnes of grain in a row of concrete silos and "
                    "load a large ship in about two days when everything works."
                ),
            ),
            (
                "paragraph",
                (
                    "Almost all of that grain arrives by rail from elevators in central and "
                    "southern Ukraine. Wagons are shunted into an unloading shed where their "
                    "bottom hatches are opened over steel grates, and the grain falls into pits "
                    "below. From there conveyors carry it up into the silos, and later out along a "
                    "gallery to the berth, where a loading spout pours it into the ship’s holds."
                ),
            ),
            (
                "paragraph",
                (
                    "Every step depends on electricity. When the city’s supply is interrupted, the "
                    "terminal switches to its own diesel generators, which can run the most "
                    "important conveyors but not the whole site. On those nights, the supervisors "
                    "decide what matters most: usually the ship, because every hour a vessel "
                    "spends alongside costs its charterer money and keeps the next one waiting "
                    "offshore."
                ),
            ),
            (
                "image",
                {
                    "title": "Berth at night",
                    "alt": (
                        "Dark water with rippling reflections and a ship’s silhouette on the "
                        "horizon under a pale evening sky."
                    ),
                    "caption": (
                        "A loading berth near Odesa. Ships are loaded around the clock to keep "
                        "time in port as short as possible."
                    ),
                    "credit": "Anna Lytvyn / The Meridian Ledger",
                    "motif": "sea",
                    "seed": 502,
                },
            ),
            ("heading", "When the alert sounds"),
            (
                "paragraph",
                (
                    "Shortly after eleven, phones in the control room buzz at the same moment. "
                    "Kushnir looks at the screen, then at the clock, and picks up the radio. "
                    "Within four minutes the conveyors are still, the wagon shed is empty and most "
                    "of the shift is sitting on the benches of the bunker. Two operators remain in "
                    "the control room, which has reinforced walls, to keep an eye on the ship’s "
                    "mooring lines."
                ),
            ),
            (
                "paragraph",
                (
                    "Nobody talks much. A young electrician, Denys, scrolls through a regional "
                    "Telegram channel that tracks drones and missiles; an older colleague tells "
                    "him to put it away. “You can’t change anything by reading it,” she says. "
                    "After fifty minutes the alert is lifted and the shift walks back out into the "
                    "cold. The conveyors restart one by one."
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "People ask if we are afraid. Of course. But the fear has a place now. It "
                        "comes with the siren and it goes back in the box when the siren stops. "
                        "Otherwise you cannot do this job for a month, let alone three years."
                    ),
                    "attribution": "Tetiana Honcharenko, control-room operator",
                },
            ),
            (
                "paragraph",
                (
                    "Honcharenko has worked at the terminal for eleven years. Her husband is "
                    "serving in the army, and her daughter, who is fifteen, lives with her "
                    "grandmother in a village north of the city. She works four night shifts in a "
                    "row, then takes four days off, most of which she spends in the village."
                ),
            ),
            (
                "paragraph",
                (
                    "The workforce has changed around her. About a fifth of the men who worked at "
                    "the terminal before the full-scale invasion have been mobilised, and the "
                    "company has since hired women for jobs that were traditionally done by men, "
                    "including loader and crane operators. Kushnir said the new recruits had "
                    "learned fast. “The machines don’t care who is driving them,” he said. “The "
                    "sea doesn’t either.”"
                ),
            ),
            (
                "paragraph",
                (
                    "Safety training has changed too. Every new worker now learns first aid, "
                    "including how to stop heavy bleeding, alongside the usual rules about working "
                    "at height and near moving machinery. Tourniquets hang in red pouches beside "
                    "the fire extinguishers in each building."
                ),
            ),
            ("heading", "The economics of waiting"),
            (
                "paragraph",
                (
                    "Terminal managers say the biggest threat to their business is not a single "
                    "attack but the slow accumulation of delay. A damaged rail bridge inland can "
                    "leave wagons stuck for days. A strike on a neighbouring terminal can push "
                    "insurers to raise premiums for every ship calling at the port. Each extra "
                    "cost eventually appears in the price that farmers are offered for their grain."
                ),
            ),
            (
                "paragraph",
                (
                    "That is why the terminal has spent heavily on redundancy: a second set of "
                    "generators, spare motors for the conveyors kept in a warehouse several "
                    "kilometres away, and a team of welders who can repair damaged steelwork "
                    "overnight. The company’s operations director, speaking by phone, said the "
                    "spending had been “painful but not optional”."
                ),
            ),
            (
                "paragraph",
                (
                    "The ships’ crews make their own calculations. The master of the bulk carrier "
                    "at the berth, a Turkish captain who has called at Odesa several times this "
                    "year and asked not to be named, said by radio that his crew were paid a bonus "
                    "for every voyage into Ukrainian waters and were free to decline the trip. "
                    "“Nobody has declined yet,” he said. “But everybody reads the news.”"
                ),
            ),
            (
                "paragraph",
                (
                    "By five in the morning the ship is two-thirds loaded. The sky over the sea "
                    "turns from black to grey, and the first gulls arrive to pick at spilled grain "
                    "on the quay. Kushnir writes up the log for the day shift: tonnage loaded, "
                    "time lost to the alert, the conveyor that is still making that noise. Then he "
                    "goes home to sleep, and the day shift starts the same work in daylight."
                ),
            ),
        ],
        "corrections": [],
    },
    {
        "slug": "kharkiv-volunteer-kitchen-900-meals",
        "section": "ukraine",
        "headline": (
            "In Kharkiv, a volunteer kitchen cooks 900 meals a day on donations and routine"
        ),
        "standfirst": (
            "What began as a few pots of soup in a basement is now a small operation with a "
            "delivery rota, a waiting list of volunteers and a very strict onion-peeling schedule."
        ),
        "authors": ["iryna-sobko"],
        "tags": ["kharkiv", "volunteers"],
        "hours_ago": 9.0,
        "updated_hours_ago": None,
        "lead_image": {
            "title": "Snow on a Kharkiv street",
            "alt": (
                "A snowy street between apartment buildings with lamp posts and tyre tracks in the "
                "snow."
            ),
            "caption": (
                "Volunteers deliver meals to older residents in northern Kharkiv, where many shops "
                "have closed."
            ),
            "credit": "Iryna Sobko / The Meridian Ledger",
            "motif": "snow",
            "seed": 110,
        },
        "body": [
            (
                "paragraph",
                (
                    "The first volunteers arrive at the kitchen on Klochkivska Street before "
                    "seven. By eight, three industrial pots of borshch are on the stove, two women "
                    "are slicing bread at a long table, and a handwritten schedule on the wall "
                    "assigns this week’s onion duty to a retired bus driver named Viktor."
                ),
            ),
            (
                "paragraph",
                (
                    "The kitchen, run by a small charity called Warm Hands, cooks about 900 meals "
                    "a day. Most go to older people in the northern districts of Kharkiv, where "
                    "many shops and pharmacies have closed and public transport is irregular. The "
                    "rest are collected from the door by anyone who needs one; nobody is asked for "
                    "documents."
                ),
            ),
            (
                "paragraph",
                (
                    "It began in a basement in the first weeks of the full-scale invasion, when "
                    "its founder, Olha Savytska, a former restaurant manager, started cooking for "
                    "neighbours who were sheltering underground. “I had the skills and I had a big "
                    "pot,” she said. “That was the whole business plan.”"
                ),
            ),
            (
                "paragraph",
                (
                    "Today the charity rents the ground floor of a former canteen, owns two "
                    "delivery vans and employs three paid staff: a cook, a driver and an "
                    "accountant. Everyone else is a volunteer. There is a waiting list of people "
                    "who want to help, Savytska said, mostly students and pensioners."
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "The food is the easy part. The hard part is that for some of our people, "
                        "the volunteer at the door is the only person they will speak to all day. "
                        "So we do not just hand over a box. We ask how they slept. We notice if "
                        "someone is missing."
                    ),
                    "attribution": "Olha Savytska, founder of Warm Hands",
                },
            ),
            (
                "paragraph",
                (
                    "Funding comes from a mix of individual donations, most of them small, and "
                    "grants from two international humanitarian organisations. Savytska said the "
                    "kitchen spends about 35 hryvnias on ingredients for each meal, not counting "
                    "rent, fuel and electricity, and that rising food prices have pushed that "
                    "figure up steadily over the past year."
                ),
            ),
            (
                "paragraph",
                (
                    "Power cuts are a constant complication. The kitchen runs a generator during "
                    "outages, but it cannot power the large ovens, so the cooks have learned to "
                    "plan menus around the outage schedule: soups and stews on days when the power "
                    "is expected to go out, baked dishes when it is expected to stay on."
                ),
            ),
            (
                "paragraph",
                (
                    "On the morning the Ledger visited, the delivery driver, Ihor, loaded the van "
                    "with insulated boxes and set off on a route of 46 addresses. At the fourth "
                    "stop, an 83-year-old woman named Valentyna opened the door before he knocked. "
                    "She had been watching from the window, she said. She asked whether the soup "
                    "had beetroot in it, then whether Ihor had eaten, and only then took the box."
                ),
            ),
        ],
        "corrections": [],
    },
    {
        "slug": "displaced-families-zakarpattia-stay-or-return",
        "section": "ukraine",
        "headline": "Displaced families in Zakarpattia weigh whether to stay, return or move on",
        "standfirst": (
            "In Ukraine’s far west, people who fled the east have found safety, work and schools "
            "for their children. What they have not found is certainty about where home will be."
        ),
        "authors": ["marta-kovalenko", "sofia-weiss"],
        "tags": ["displacement", "education", "reconstruction"],
        "hours_ago": 18.0,
        "updated_hours_ago": None,
        "lead_image": {
            "title": "River embankment in Uzhhorod",
            "alt": (
                "A bridge with lamp posts crossing a calm river, with trees and low buildings on "
                "the far bank reflected in the water."
            ),
            "caption": (
                "The river in Uzhhorod. Zakarpattia has hosted tens of thousands of people "
                "displaced from the east and south."
            ),
            "credit": "Roman Fedak / The Meridian Ledger",
            "motif": "river",
            "seed": 111,
        },
        "body": [
            (
                "paragraph",
                (
                    "The dormitory on the outskirts of Uzhhorod was built for students of a "
                    "technical college. Now its four floors house 38 families, most of them from "
                    "Donetsk and Kharkiv regions, who share two kitchens on each floor and a "
                    "laundry room in the basement where the washing machines run late into the "
                    "night."
                ),
            ),
            (
                "paragraph",
                (
                    "Kateryna Melnyk, 41, arrived with her two sons and her mother after their "
                    "town near the front line became too dangerous to stay. She expected to spend "
                    "a few months. She has now lived in room 312 long enough to have repainted it "
                    "twice."
                ),
            ),
            (
                "paragraph",
                (
                    "“The first year, I did not unpack,” she said, pointing to a suitcase still on "
                    "top of the wardrobe. “The second year, I unpacked but I did not buy anything "
                    "heavy. Now I have a proper pan. That is how I measure time.”"
                ),
            ),
            ("heading", "A region that changed shape"),
            (
                "paragraph",
                (
                    "Zakarpattia, a mountainous region bordering Poland, Slovakia, Hungary and "
                    "Romania, was one of the main destinations for people fleeing the fighting in "
                    "the first months of the full-scale invasion. Schools, sports halls and "
                    "college dormitories were turned into shelters almost overnight. Many people "
                    "later moved on to the European Union or returned home, but a substantial "
                    "number stayed."
                ),
            ),
            (
                "paragraph",
                (
                    "Across Ukraine, several million people remain internally displaced, according "
                    "to estimates by the government and international organisations. Researchers "
                    "caution that the numbers are difficult to pin down: some people register and "
                    "later move without updating their records, while others never register at all."
                ),
            ),
            (
                "paragraph",
                (
                    "Local officials in Uzhhorod say the city’s population is noticeably larger "
                    "than before the war, and that pressure on kindergartens, clinics and rental "
                    "housing has not eased. Rents rose sharply in the first year and have stayed "
                    "high, which makes it hard for families like Melnyk’s to move out of "
                    "collective accommodation even when they find work."
                ),
            ),
            (
                "image",
                {
                    "title": "Apartment blocks at dusk",
                    "alt": (
                        "Rows of apartment buildings in silhouette at dusk, with a few lit windows."
                    ),
                    "caption": (
                        "Collective accommodation centres in Zakarpattia range from former "
                        "dormitories to converted hotels and sanatoriums."
                    ),
                    "credit": "Roman Fedak / The Meridian Ledger",
                    "motif": "city",
                    "seed": 503,
                },
            ),
            ("heading", "Work, school and the question of return"),
            (
                "paragraph",
                (
                    "Melnyk, who was a bookkeeper at home, now works part-time at a furniture "
                    "workshop and does accounts for two small shops in the evenings. Her elder "
                    "son, who is 16, has finished ninth grade at a local school and wants to study "
                    "IT at a college in Lviv. The younger one, who was five when they left, speaks "
                    "with a faint Transcarpathian accent that makes his grandmother laugh."
                ),
            ),
            (
                "paragraph",
                (
                    "The children are the main reason she hesitates to go back. Her town has no "
                    "functioning school; the building was damaged, and lessons there are online. "
                    "“I can survive anything,” she said. “But I will not ask my son to do his last "
                    "two years of school on a phone in a basement.”"
                ),
            ),
            (
                "paragraph",
                (
                    "Schools in the region have absorbed thousands of displaced pupils. At the "
                    "school Melnyk’s sons attend, about one in six children comes from another "
                    "region. Teachers said newcomers often arrived behind in some subjects after "
                    "long periods of online learning, and the school now runs extra afternoon "
                    "lessons in mathematics and Ukrainian, partly funded by an international "
                    "charity."
                ),
            ),
            (
                "paragraph",
                (
                    "Not every child adapted easily. Melnyk’s younger son struggled at first with "
                    "the noise of a full classroom after months of lessons on a tablet, and saw a "
                    "school psychologist weekly for most of a year. “Now he complains about "
                    "homework like a normal child,” Melnyk said. “That is how I know he is all "
                    "right.”"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "People think displacement is one decision, made once, on the day you "
                        "leave. It is not. It is a decision you make again every month, when the "
                        "rent is due, when the school year starts, when someone calls from home to "
                        "say the shop has reopened."
                    ),
                    "attribution": "Yevheniia Kurylo, social worker at a Uzhhorod aid centre",
                },
            ),
            (
                "paragraph",
                (
                    "Kurylo works at an aid centre that helps displaced people with documents, "
                    "benefits and job applications. She said the most common question she hears "
                    "has changed over time: at first it was where to sleep, then where to work, "
                    "and now, increasingly, whether it is worth buying or renting long-term. A "
                    "growing number of families, she said, are asking about programmes that help "
                    "displaced people buy housing in the region."
                ),
            ),
            (
                "paragraph",
                (
                    "Others are looking further. Of the 38 families in the dormitory, "
                    "administrators said, five had a member working in another European country, "
                    "usually in construction, care or agriculture, and sending money back. Two "
                    "families left for Germany over the summer, joining relatives who have lived "
                    "there since the first months of the war."
                ),
            ),
            ("heading", "What would make a difference"),
            (
                "paragraph",
                (
                    "Asked what would help most, residents of the dormitory gave strikingly "
                    "practical answers: affordable rental housing, more kindergarten places so "
                    "that mothers can work full-time, and clear information about reconstruction "
                    "in their home towns. Several said they followed the news from home "
                    "obsessively but found it hard to judge what had actually been repaired."
                ),
            ),
            (
                "paragraph",
                (
                    "Regional officials say they are trying. Several former dormitories have been "
                    "converted into long-term social housing, and the region is working with "
                    "donors on small apartment buildings for displaced families. But officials "
                    "acknowledge that demand far exceeds supply, and that the programmes move more "
                    "slowly than families’ lives do."
                ),
            ),
            (
                "paragraph",
                (
                    "Melnyk’s mother, Halyna, who is 68, is the only member of the family who says "
                    "without hesitation that she wants to go back. She keeps a key to their house "
                    "in a small purse around her neck. Every few weeks a neighbour who stayed "
                    "sends her photographs of the garden."
                ),
            ),
            (
                "paragraph",
                (
                    "“The apricot tree survived,” she said, scrolling to the latest one. “So maybe "
                    "we will too.”"
                ),
            ),
            ("related", "ukrainian-refugees-germany-work"),
        ],
        "corrections": [],
    },
    {
        "slug": "railway-repair-crews-kharkiv-line",
        "section": "ukraine",
        "headline": "The repair crews who keep Ukraine’s railways running through the night",
        "standfirst": (
            "When a line is damaged, a small team of track workers and electricians is often on "
            "site before the dust settles. We spent two days with a crew responsible for a stretch "
            "of line south of Kharkiv."
        ),
        "authors": ["iryna-sobko", "olena-marchuk"],
        "tags": ["rail", "kharkiv", "energy", "power grid"],
        "hours_ago": 31.0,
        "updated_hours_ago": 12.0,
        "lead_image": {
            "title": "Tracks south of Kharkiv",
            "alt": (
                "Two railway tracks with concrete sleepers and overhead catenary masts running "
                "straight towards the horizon under a grey sky."
            ),
            "caption": (
                "An electrified main line south of Kharkiv. Crews patrol and repair sections like "
                "this one after every attack."
            ),
            "credit": "Iryna Sobko / The Meridian Ledger",
            "motif": "rail",
            "seed": 112,
        },
        "body": [
            (
                "paragraph",
                (
                    "The call came at 4.10 in the morning. By 4.40 the crew’s orange service truck "
                    "was on a rutted road beside the tracks, headlights off, waiting for the "
                    "military to confirm that the area was clear. By 6 a.m. eight men and one "
                    "woman were standing in the grey light beside a twisted section of rail and a "
                    "catenary mast that leaned over the line at an angle nobody liked."
                ),
            ),
            (
                "paragraph",
                (
                    "“First we look,” said Oleksandr Hrytsenko, the foreman, who has worked on "
                    "this stretch of line for 23 years. “Then we argue. Then we fix it.”"
                ),
            ),
            (
                "paragraph",
                (
                    "Every repair begins with safety. Before anyone steps onto the track, the "
                    "section must be closed to traffic and, if the overhead wire is still up, "
                    "disconnected and earthed so that it cannot carry current. Then the crew "
                    "checks for unexploded munitions, a task that was not part of the job "
                    "description before the war. If anything suspicious is found, the repair waits "
                    "for explosives specialists."
                ),
            ),
            ("heading", "Two kinds of damage"),
            (
                "paragraph",
                (
                    "Railway damage comes in two broad types, Hrytsenko explained. The first is to "
                    "the track itself: rails, sleepers and the stone ballast that holds them in "
                    "place. That kind of repair is heavy but straightforward. Crews cut out the "
                    "damaged section, lay new sleepers, bring in fresh ballast and weld or bolt in "
                    "new rail."
                ),
            ),
            (
                "paragraph",
                (
                    "The second kind is harder. Most of Ukraine’s main lines are electrified, and "
                    "trains draw their power from overhead wires held up by masts every few dozen "
                    "metres. When a mast falls or a wire snaps, the section loses power, and "
                    "trains must either wait or be hauled through by diesel locomotives, of which "
                    "the railway has far fewer. Repairing the overhead line requires specialist "
                    "electricians and a machine that can lift them safely to the wire."
                ),
            ),
            (
                "paragraph",
                (
                    "The electricity itself comes from traction substations along the line, which "
                    "draw power from the national grid. When the grid is under strain, railway "
                    "substations are among the facilities given priority, but local outages still "
                    "happen, and each one can stop trains across a wide area."
                ),
            ),
            (
                "image",
                {
                    "title": "Power lines near the railway",
                    "alt": (
                        "A line of steel pylons crossing open country towards the horizon under a "
                        "cloudy sky."
                    ),
                    "caption": (
                        "Traction substations draw power from the high-voltage grid. An outage on "
                        "the grid can halt electric trains across a whole section."
                    ),
                    "credit": "Iryna Sobko / The Meridian Ledger",
                    "motif": "power",
                    "seed": 504,
                },
            ),
            ("heading", "Working against the timetable"),
            (
                "paragraph",
                (
                    "The section the crew repaired that morning carries passenger trains between "
                    "Kharkiv and the south, as well as freight. Every hour of closure means "
                    "diverted trains, passengers waiting on platforms and wagons of grain or steel "
                    "parked in sidings."
                ),
            ),
            (
                "paragraph",
                (
                    "While the crew worked, dispatchers sent some trains along a parallel route "
                    "that adds about an hour to the journey. Two long-distance passenger trains "
                    "were held at stations to the north and south, where staff handed out tea and "
                    "made regular announcements. “People forgive a delay if we tell them the truth "
                    "about it,” said a dispatcher at the regional control centre, who asked that "
                    "only her first name, Svitlana, be used."
                ),
            ),
            (
                "paragraph",
                (
                    "Materials are a constant worry. The railway keeps reserves of rail, sleepers "
                    "and overhead-line parts at depots across the country, placed so that crews "
                    "can reach them quickly. But every attack draws those reserves down, and some "
                    "components, particularly for signalling and power supply, have to be imported."
                ),
            ),
            (
                "paragraph",
                (
                    "Hrytsenko’s crew replaced about 14 metres of rail, 22 sleepers and one "
                    "catenary mast. The mast was the slowest part. A new one had to be brought "
                    "from a depot 60 kilometres away on a flatbed wagon, then set into a fresh "
                    "concrete foundation, which meant using a fast-setting mix and a temporary "
                    "brace until it cured."
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "My father worked on this line, and he used to say that a railway is a "
                        "promise. The timetable is the promise, and we are the people who make "
                        "sure it is kept. I did not understand what he meant until the war."
                    ),
                    "attribution": "Oleksandr Hrytsenko, track maintenance foreman",
                },
            ),
            (
                "paragraph",
                (
                    "The first train passed over the repaired section at 1.35 in the afternoon, at "
                    "walking pace, with the foreman standing beside the track and watching the "
                    "rail flex under the wheels. Normal speed was restored the next day, after an "
                    "inspection car had run over the section twice."
                ),
            ),
            ("heading", "The people behind the crew"),
            (
                "paragraph",
                (
                    "The crew’s only woman, Alla Voronina, is a signalling technician. She spent "
                    "most of the repair lying on the ballast with a multimeter, checking that the "
                    "track circuits — which tell signallers whether a section is occupied — were "
                    "working again. Without them, trains can only run under manual permission, "
                    "which is slow and, she said, “makes everyone nervous”."
                ),
            ),
            (
                "paragraph",
                (
                    "The crew works 12-hour shifts and is on call outside them. Three of its "
                    "members have been mobilised since the start of the full-scale invasion; they "
                    "were replaced by younger workers whom Hrytsenko is training on the job. The "
                    "railway has also hired retired employees back on short contracts, and has run "
                    "recruitment campaigns aimed at women for roles that were traditionally done "
                    "by men."
                ),
            ),
            (
                "paragraph",
                (
                    "Wages are modest — the foreman earns a little above the national average — "
                    "and the work is exhausting. Asked why he stays, Hrytsenko shrugged. “Who else "
                    "is going to do it?” he said. “I know every bolt between here and the next "
                    "station.”"
                ),
            ),
            (
                "paragraph",
                (
                    "On the second evening, the crew was called out again, this time to a damaged "
                    "level crossing a few kilometres further south. They loaded the truck, checked "
                    "the radio and drove off into the dark."
                ),
            ),
        ],
        "corrections": [
            {
                "hours_ago": 12.0,
                "text": (
                    "An earlier version of this article said the crew replaced about 40 metres of "
                    "rail. The correct figure is about 14 metres."
                ),
            },
        ],
    },
    {
        "slug": "chernihiv-library-reopens-borrowed-rooms",
        "section": "ukraine",
        "headline": (
            "A damaged Chernihiv library reopens in borrowed rooms, with a waiting list for new "
            "books"
        ),
        "standfirst": (
            "Librarians saved about half the collection from a flooded basement. The rest is being "
            "rebuilt one donation at a time."
        ),
        "authors": ["marta-kovalenko"],
        "tags": ["culture", "reconstruction", "volunteers"],
        "hours_ago": 45.0,
        "updated_hours_ago": None,
        "lead_image": {
            "title": "Chernihiv rooftops",
            "alt": "Rooftops and church domes in silhouette against an evening sky.",
            "caption": (
                "The library now occupies three rooms on the ground floor of a former music school "
                "in the city centre."
            ),
            "credit": "Roman Fedak / The Meridian Ledger",
            "motif": "city",
            "seed": 113,
        },
        "body": [
            (
                "paragraph",
                (
                    "A neighbourhood library in Chernihiv that lost its building to shelling has "
                    "reopened in three rooms of a former music school, with shelves built by "
                    "volunteers and a waiting list for the most popular new titles."
                ),
            ),
            (
                "paragraph",
                (
                    "The library served a residential district on the city’s northern edge for "
                    "more than 50 years. When its building was damaged, a burst pipe flooded the "
                    "basement where the reserve collection was stored. Librarians and volunteers "
                    "spent weeks carrying soaked books up the stairs and drying them on washing "
                    "lines in a nearby courtyard. About half of the collection was saved."
                ),
            ),
            (
                "paragraph",
                (
                    "“Some books we could not save, but we could read their titles, so we wrote "
                    "them all down,” said Liudmyla Kharchenko, who has run the library for 17 "
                    "years. “That list became our shopping list.”"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "The first person through the door on opening day was a boy of about ten "
                        "who asked if we had the fourth book in a series he had started before the "
                        "war. We did not. Now it is on the shelf, and there are eleven names on "
                        "the list after his."
                    ),
                    "attribution": "Liudmyla Kharchenko, head librarian",
                },
            ),
            (
                "paragraph",
                (
                    "The new premises are smaller than the old building, and the library has had "
                    "to make choices. The children’s section takes up the largest room. Adult "
                    "fiction shares the second room with a small corner of computers where older "
                    "residents can get help with online forms. The third room is used for reading "
                    "clubs, a weekly English conversation group and, in winter, as a warm place to "
                    "sit during power cuts."
                ),
            ),
            (
                "paragraph",
                (
                    "Donations have come from publishers, other libraries in western Ukraine and "
                    "individual readers, some of whom bring a single book. A group of volunteers "
                    "from a local woodworking club built the shelves over three weekends from "
                    "timber donated by a sawmill."
                ),
            ),
            (
                "paragraph",
                (
                    "Kharchenko keeps a notebook of requests the library cannot yet meet: a "
                    "Ukrainian translation of a particular Japanese novel, large-print editions "
                    "for older readers, a chess set. Items are crossed off as donations arrive. On "
                    "the day the Ledger visited, a woman brought two bags of children’s books her "
                    "grandchildren had outgrown. The chess set had been crossed off the week "
                    "before."
                ),
            ),
            (
                "paragraph",
                (
                    "Ukrainian publishers have reported growing demand for books by Ukrainian "
                    "authors and for translations published in Ukrainian, and Kharchenko said her "
                    "readers reflect that trend. Contemporary Ukrainian fiction and history are "
                    "the most requested categories, followed by children’s books and practical "
                    "guides."
                ),
            ),
            (
                "paragraph",
                (
                    "The city has said it plans to repair the original building, but no date has "
                    "been set. Kharchenko said she was in no hurry to move until it was properly "
                    "done. “A library is not walls,” she said. “But it would be nice to have walls "
                    "that do not leak.”"
                ),
            ),
        ],
        "corrections": [],
    },
    {
        "slug": "southern-farmers-harvest-mines-costs",
        "section": "ukraine",
        "headline": (
            "Southern farmers bring in a harvest shaped by mines, costs and a fragile sea route"
        ),
        "standfirst": (
            "In Mykolaiv region, growers are planting on cleared land, skipping the fields they "
            "cannot reach, and doing arithmetic that leaves very little room for error."
        ),
        "authors": ["taras-hnatyuk", "olena-marchuk"],
        "tags": ["grain", "demining", "economy"],
        "hours_ago": 56.0,
        "updated_hours_ago": None,
        "lead_image": {
            "title": "Wheat field in the south",
            "alt": (
                "A golden wheat field stretching to the horizon under a blue sky with scattered "
                "clouds."
            ),
            "caption": (
                "Wheat ready for harvest in Mykolaiv region. Some fields nearby remain unworked "
                "because of suspected contamination."
            ),
            "credit": "Mykola Sereda / The Meridian Ledger",
            "motif": "field",
            "seed": 114,
        },
        "body": [
            (
                "paragraph",
                (
                    "Serhii Bondarenko’s combine harvester moves along the edge of the field in "
                    "long, careful lines. On one side, the wheat is ripe and golden. On the other, "
                    "beyond a row of red-and-white warning signs, the land is overgrown with weeds "
                    "as tall as a man. Nobody has touched it for two seasons."
                ),
            ),
            (
                "paragraph",
                (
                    "“That part is waiting for the deminers,” Bondarenko said, climbing down from "
                    "the cab during a break. “This part is paying for everything.”"
                ),
            ),
            ("heading", "Planting around the gaps"),
            (
                "paragraph",
                (
                    "Bondarenko, 52, farms about 1,800 hectares of rented land in Mykolaiv region, "
                    "a large agricultural area in the south that was close to the front line in "
                    "the first year of the full-scale invasion. Roughly a fifth of his land has "
                    "not been worked since then, because it has either not yet been surveyed or is "
                    "suspected of containing mines or unexploded ordnance."
                ),
            ),
            (
                "paragraph",
                (
                    "He still pays rent on some of it. Under Ukrainian law, farmland is typically "
                    "leased from many small landowners, often villagers who received plots when "
                    "collective farms were broken up. Many of them are elderly, and the rent is an "
                    "important part of their income. Bondarenko said he had agreed with most of "
                    "his landlords to pay a reduced rate on the unusable land rather than nothing "
                    "at all."
                ),
            ),
            (
                "paragraph",
                (
                    "The arrangement creates awkward conversations. Some landlords have asked "
                    "whether they can sell plots that have lost value while they wait to be "
                    "cleared. Others have died since the war began, and their heirs live abroad or "
                    "in other regions. Keeping track of who is owed what has become a job in "
                    "itself, handled by Bondarenko’s wife, Liudmyla, from a desk in the farm "
                    "office."
                ),
            ),
            (
                "paragraph",
                (
                    "The cleared land has been surveyed and, in some places, checked again by the "
                    "farm’s own staff, who walk ahead of machinery at the start of each season. In "
                    "a neighbouring village, a tractor driver was injured last year when his "
                    "machine struck an explosive device on a field that had been considered safe, "
                    "a reminder that clearance is not always complete."
                ),
            ),
            (
                "image",
                {
                    "title": "Field edge with warning signs",
                    "alt": (
                        "Ripe wheat in the foreground and a flat horizon with a distant grain "
                        "elevator under an overcast sky."
                    ),
                    "caption": (
                        "A field edge near Mykolaiv. Land that has not been surveyed is marked "
                        "with warning signs and left unworked."
                    ),
                    "credit": "Mykola Sereda / The Meridian Ledger",
                    "motif": "field",
                    "seed": 505,
                },
            ),
            ("heading", "The arithmetic of a tonne of wheat"),
            (
                "paragraph",
                (
                    "Even on the land he can farm, Bondarenko said, the numbers are tight. "
                    "Fertiliser, fuel and spare parts for machinery have all become more "
                    "expensive, while the price he receives for his grain at the local elevator "
                    "remains well below prices in European markets."
                ),
            ),
            (
                "paragraph",
                (
                    "He showed the Ledger his spreadsheet for the season. After seed, fertiliser, "
                    "fuel, wages, rent, machinery repairs and interest on a bank loan, he expects "
                    "a margin of a few hundred hryvnias per tonne of wheat if prices hold — enough "
                    "to carry on, he said, but not enough to replace a combine that is now "
                    "nineteen years old."
                ),
            ),
            (
                "paragraph",
                (
                    "The gap reflects the cost of getting grain from a Ukrainian field to a ship "
                    "and then to a buyer. Transport by truck or rail to the ports, storage, port "
                    "fees, freight and war-risk insurance all come out of the final price, and "
                    "most of the burden falls on the farmer, who has the least bargaining power in "
                    "the chain."
                ),
            ),
            (
                "paragraph",
                (
                    "“In a good year before the war, I knew roughly what I would earn in the "
                    "spring,” he said. “Now I plant and then I wait to see what the sea will "
                    "allow.”"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Farmers here are used to drought, to hail, to bad prices. Those are risks "
                        "you can insure against, or at least plan for. What we have now is a risk "
                        "that changes every week and that nobody can price properly."
                    ),
                    "attribution": (
                        "Natalia Shevchuk, agronomist and adviser to several farms in Mykolaiv "
                        "region"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "Some farms in the region have shifted away from wheat towards crops with a "
                    "higher value per tonne, such as sunflower, rapeseed or soybeans, which makes "
                    "transport costs a smaller share of the final price. Others have invested in "
                    "on-farm storage so they can hold grain until prices improve, rather than "
                    "selling immediately after harvest."
                ),
            ),
            (
                "paragraph",
                (
                    "Labour is another constraint. Two of Bondarenko’s tractor drivers have been "
                    "mobilised, and finding replacements who can operate modern machinery has been "
                    "difficult. He has hired a retired driver from the village and is teaching his "
                    "nineteen-year-old nephew to run the combine."
                ),
            ),
            ("heading", "Waiting for the deminers"),
            (
                "paragraph",
                (
                    "Humanitarian demining organisations and state services have expanded their "
                    "work on farmland, and the government has introduced a programme that "
                    "compensates farmers for part of the cost of commercial clearance. Bondarenko "
                    "has applied, but his fields are in a queue, and he does not expect them to be "
                    "cleared for at least another year."
                ),
            ),
            (
                "paragraph",
                (
                    "Clearance of farmland is slow by necessity. Teams must work methodically, "
                    "metre by metre, and each cleared field must be documented before it is "
                    "released back to its owners. In some areas, heavy machines are used to speed "
                    "up the work, but they cannot be used everywhere."
                ),
            ),
            (
                "paragraph",
                (
                    "For now, Bondarenko has set himself a simple goal: to bring in this harvest "
                    "without injury, pay his workers and landlords, and have enough left to buy "
                    "seed for the autumn planting. By early evening, the combine had cleared the "
                    "last strip of wheat on the safe side of the signs. On the other side, the "
                    "weeds moved in the wind."
                ),
            ),
            ("related", "chernihiv-deminers-return-farmland"),
        ],
        "corrections": [],
    },
    {
        "slug": "kyiv-school-timetable-air-raid-alerts",
        "section": "ukraine",
        "headline": (
            "Lessons in the basement: how a Kyiv school timetable bends around air-raid alerts"
        ),
        "standfirst": (
            "At one school on the capital’s right bank, teachers have redesigned the week so that "
            "an alert costs minutes, not lessons."
        ),
        "authors": ["olena-marchuk"],
        "tags": ["education", "kyiv", "air defence"],
        "hours_ago": 70.0,
        "updated_hours_ago": None,
        "lead_image": {
            "title": "Kyiv at night",
            "alt": (
                "A dark city skyline at night with a few lit windows and searchlight beams in the "
                "sky."
            ),
            "caption": (
                "Alerts during the night mean many pupils arrive at school tired. Teachers say the "
                "first lesson is often the hardest."
            ),
            "credit": "Mykola Sereda / The Meridian Ledger",
            "motif": "night",
            "seed": 115,
        },
        "body": [
            (
                "paragraph",
                (
                    "At 10.17 on a Wednesday morning, a tone sounds from the speakers in every "
                    "classroom at a secondary school in Kyiv’s Solomianskyi district. Teachers "
                    "close their laptops mid-sentence. Pupils pick up the small backpacks they "
                    "keep under their desks — water, a snack, a charged power bank — and walk in "
                    "pairs towards the stairwell."
                ),
            ),
            (
                "paragraph",
                (
                    "Within five minutes, all 740 pupils and their teachers are in the basement "
                    "shelter, a series of rooms with whitewashed walls, strip lights and rows of "
                    "benches and folding tables. Some classes carry on with the lesson. Others "
                    "switch to reading or quiet games. The youngest children sing."
                ),
            ),
            (
                "paragraph",
                (
                    "The school’s director, Iryna Fedorenko, says the drill takes less time now "
                    "than it did in the first year of the war, when it could take fifteen minutes. "
                    "“At first we treated every alert as an emergency,” she said. “Now it is a "
                    "procedure, and the children know it better than some adults.”"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "What we learned is that the shelter must not feel like a punishment. If a "
                        "child spends two hours down here, it should be two hours of school, not "
                        "two hours of waiting."
                    ),
                    "attribution": "Iryna Fedorenko, school director",
                },
            ),
            (
                "paragraph",
                (
                    "The school has adjusted its timetable in several ways. The most demanding "
                    "subjects — mathematics, physics, Ukrainian language — are scheduled for the "
                    "first lessons of the day, when alerts tend to be less frequent and pupils are "
                    "least tired. Tests are no longer held at a fixed time; if an alert interrupts "
                    "one, it is resumed in the shelter or moved to the next day without penalty."
                ),
            ),
            (
                "paragraph",
                (
                    "Teachers also keep printed materials for every lesson in the shelter, because "
                    "Wi-Fi underground is unreliable and mobile data is patchy. A volunteer group "
                    "of parents installed extra lighting and a ventilation fan last year and "
                    "maintains the first-aid supplies."
                ),
            ),
            (
                "paragraph",
                (
                    "Night-time alerts are a bigger problem than daytime ones, teachers said. When "
                    "there has been an attack on the city overnight, attendance at first lessons "
                    "drops and many of the pupils who do come are exhausted. On such mornings the "
                    "school starts forty minutes later and allows pupils to join online from home."
                ),
            ),
            (
                "paragraph",
                (
                    "Psychologists who work with schools say routines like these matter. A "
                    "predictable response to a frightening event gives children a sense of "
                    "control, and adults who stay calm help children regulate their own fear. But "
                    "they also warn that years of disrupted sleep and interrupted learning will "
                    "leave gaps that will take time and resources to close."
                ),
            ),
            (
                "paragraph",
                (
                    "After 48 minutes, the all-clear sounds. The pupils climb the stairs, the "
                    "teachers reopen their laptops, and the lesson resumes from the sentence where "
                    "it stopped."
                ),
            ),
        ],
        "corrections": [],
    },
    {
        "slug": "mykolaiv-water-supply-improves",
        "section": "ukraine",
        "headline": "Tap water improves in Mykolaiv as new treatment equipment comes online",
        "standfirst": (
            "The city has relied on brackish water and delivered drinking water for long periods. "
            "A new filtration stage should make tap water safer to use at home, though officials "
            "still advise boiling it."
        ),
        "authors": ["iryna-sobko"],
        "tags": ["reconstruction"],
        "hours_ago": 90.0,
        "updated_hours_ago": None,
        "lead_image": {
            "title": "River at Mykolaiv",
            "alt": (
                "A wide river under a pale sky, with a bridge and low wooded banks reflected in "
                "the water."
            ),
            "caption": (
                "Mykolaiv lost its main freshwater supply early in the full-scale invasion and has "
                "relied on local sources since."
            ),
            "credit": "Anna Lytvyn / The Meridian Ledger",
            "motif": "river",
            "seed": 116,
        },
        "body": [
            (
                "paragraph",
                (
                    "Residents of Mykolaiv should notice cleaner tap water in the coming weeks "
                    "after the city’s water utility brought a new filtration stage into operation, "
                    "officials said."
                ),
            ),
            (
                "paragraph",
                (
                    "The southern city lost access to its main source of fresh water early in the "
                    "full-scale invasion, when the pipeline that carried it was damaged. Since "
                    "then the city has pumped water from local sources, which is salty and hard, "
                    "and which corroded household appliances and pipes. For drinking and cooking, "
                    "many residents have relied on water from public distribution points and "
                    "bottled water."
                ),
            ),
            (
                "paragraph",
                (
                    "The new equipment, funded by international donors, removes a larger share of "
                    "salts and impurities. Utility engineers said it would not make the water "
                    "identical to the supply the city had before, but would make it much less "
                    "aggressive for pipes and boilers and more pleasant for washing."
                ),
            ),
            (
                "paragraph",
                (
                    "“The first thing people will notice is the kettle,” said Oksana Marchenko, a "
                    "chemist at the utility’s laboratory. “Less scale, less taste. But we still "
                    "ask people to boil water before drinking it, and the distribution points will "
                    "stay open.”"
                ),
            ),
            (
                "paragraph",
                (
                    "Work on a new long-distance pipeline to restore a permanent freshwater supply "
                    "is under way, but officials have not given a completion date. Until then, the "
                    "city says it will continue to test tap water daily and publish results on its "
                    "website."
                ),
            ),
        ],
        "corrections": [],
    },
    {
        "slug": "lviv-theatre-season-new-play",
        "section": "ukraine",
        "headline": (
            "A Lviv theatre opens its season with a new Ukrainian play and a shelter seat for "
            "everyone"
        ),
        "standfirst": (
            "Half of the cast were displaced from other cities. The director says the audience has "
            "changed too."
        ),
        "authors": ["marta-kovalenko"],
        "tags": ["culture", "displacement"],
        "hours_ago": 120.0,
        "updated_hours_ago": None,
        "lead_image": None,
        "body": [
            (
                "paragraph",
                (
                    "A small drama theatre in Lviv opened its season this week with a new play by "
                    "a young Ukrainian playwright, performed by a company in which half the actors "
                    "have been displaced from other cities."
                ),
            ),
            (
                "paragraph",
                (
                    "The play, “The Inventory”, follows a family packing up an apartment in a "
                    "front-line town, arguing over which objects deserve space in the car. It runs "
                    "just under two hours without an interval, which the director, Bohdan "
                    "Yavorskyi, said was partly an artistic choice and partly a practical one."
                ),
            ),
            (
                "paragraph",
                (
                    "“If the alert sounds, everyone goes down to the shelter and we continue "
                    "afterwards from where we stopped,” he said. “An interval is one more moment "
                    "where people decide to go home.” The theatre sells no more tickets than it "
                    "has places in its basement shelter, a rule it has followed since performances "
                    "resumed."
                ),
            ),
            (
                "paragraph",
                (
                    "Yavorskyi said the audience had changed noticeably. Alongside longtime "
                    "subscribers, there are now many people from Kharkiv, Mariupol and "
                    "Zaporizhzhia who moved to Lviv, as well as soldiers on leave and their "
                    "families. Performances in Ukrainian-language contemporary drama sell out more "
                    "quickly than classics, he said."
                ),
            ),
            (
                "paragraph",
                (
                    "One of the lead actors, Daryna Soloviova, worked at a theatre in Kharkiv "
                    "before the war. She said rehearsing the packing scenes had been difficult. “I "
                    "took three things when I left,” she said. “A coat, my documents and a cup my "
                    "grandmother gave me. In the play, my character takes a lamp. Every night I "
                    "think: why a lamp? And every night I understand a little more.”"
                ),
            ),
        ],
        "corrections": [],
    },
    # -------------------- World
    {
        "slug": "polish-border-freight-shifts-to-rail",
        "section": "world",
        "headline": "Freight shifts to rail at the Polish border as lorry queues shorten",
        "standfirst": (
            "Logistics firms say new transhipment capacity and changes to booking rules have cut "
            "waiting times, but drivers still spend days at some crossings."
        ),
        "authors": ["daniel-okafor"],
        "tags": ["europe", "rail", "economy"],
        "hours_ago": 13.0,
        "updated_hours_ago": None,
        "lead_image": {
            "title": "Winter street near the border",
            "alt": (
                "A snow-covered street between rows of buildings with street lamps and tyre tracks "
                "in the snow."
            ),
            "caption": (
                "A town near the Polish–Ukrainian border. Winter conditions add to delays for "
                "lorry drivers."
            ),
            "credit": "Katarzyna Nowicka / The Meridian Ledger",
            "motif": "snow",
            "seed": 117,
        },
        "body": [
            (
                "paragraph",
                (
                    "Queues of lorries at several crossings on the Polish–Ukrainian border have "
                    "shortened in recent weeks, according to logistics companies on both sides, as "
                    "more freight moves by rail and an electronic queue system reduces the number "
                    "of drivers waiting on the roadside."
                ),
            ),
            (
                "paragraph",
                (
                    "At the busiest crossings, drivers were waiting between one and three days to "
                    "cross, dispatchers told The Meridian Ledger, compared with much longer waits "
                    "at the worst points of the past two years. Waiting times at smaller crossings "
                    "were shorter still."
                ),
            ),
            (
                "paragraph",
                (
                    "Rail plays a growing role. Ukraine’s railways use a wider track gauge than "
                    "those of its EU neighbours, so goods must either be transferred between "
                    "wagons at the border or carried on wagons with adjustable axles. Several "
                    "transhipment terminals near the border have added cranes and storage, and a "
                    "number of logistics firms now offer combined services in which containers "
                    "travel by rail to a terminal in Poland and continue by road."
                ),
            ),
            (
                "paragraph",
                (
                    "“A year ago, every client wanted trucks because trucks were flexible,” said "
                    "Marek Zieliński, who manages a freight-forwarding company in Lublin. “Now "
                    "they ask us for the cheapest reliable option, and more and more that means "
                    "putting part of the journey on a train.”"
                ),
            ),
            (
                "paragraph",
                (
                    "The border has also been the scene of protests in recent years by Polish "
                    "hauliers and farmers, who objected to competition from Ukrainian carriers and "
                    "to imports of Ukrainian agricultural products. Those disputes have calmed but "
                    "not disappeared, and transport associations on both sides say the rules on "
                    "permits for hauliers remain a source of tension."
                ),
            ),
            (
                "paragraph",
                (
                    "For drivers, the improvement is relative. Oleh, a Ukrainian driver waiting at "
                    "a crossing with a load of timber, said he had spent 31 hours in the queue. "
                    "“Last winter it was four days,” he said. “So this is a good week.”"
                ),
            ),
            (
                "paragraph",
                (
                    "Officials on both sides have said they plan to expand several crossings and "
                    "to open separate lanes for empty vehicles, which currently wait in the same "
                    "queues as loaded ones."
                ),
            ),
        ],
        "corrections": [],
    },
    {
        "slug": "moldova-winter-energy-interconnections",
        "section": "world",
        "headline": "Moldova prepares for winter with new power links and familiar worries",
        "standfirst": (
            "Stronger connections to Romania’s grid have reduced the risk of blackouts, but "
            "households remain exposed to high prices and to events beyond the country’s borders."
        ),
        "authors": ["sofia-weiss"],
        "tags": ["energy", "europe", "power grid"],
        "hours_ago": 28.5,
        "updated_hours_ago": None,
        "lead_image": {
            "title": "High-voltage line",
            "alt": (
                "Lattice steel pylons and power lines receding across a flat landscape under a "
                "dusk sky."
            ),
            "caption": "New and upgraded lines link Moldova’s grid more closely to Romania’s.",
            "credit": "Ana Ciobanu / The Meridian Ledger",
            "motif": "power",
            "seed": 118,
        },
        "body": [
            (
                "paragraph",
                (
                    "Moldova enters this winter better connected to the European power system than "
                    "at any time in its history, energy specialists in Chisinau say, but the small "
                    "country between Ukraine and Romania is still more vulnerable to price shocks "
                    "than most of its neighbours."
                ),
            ),
            (
                "paragraph",
                (
                    "For decades, much of Moldova’s electricity came from a large gas-fired power "
                    "station in the Transnistrian region, which is not controlled by the "
                    "government in Chisinau. Since the start of the full-scale war in Ukraine, the "
                    "country has worked to reduce that dependence by buying more electricity from "
                    "Romania and building new high-voltage connections across the border."
                ),
            ),
            (
                "paragraph",
                (
                    "Moldova’s grid, like Ukraine’s, was synchronised with the continental "
                    "European network in the first weeks of the full-scale invasion. That means "
                    "power can flow between the systems, but the amount is limited by the capacity "
                    "of the lines that connect them."
                ),
            ),
            (
                "paragraph",
                (
                    "“The physical risk of a total blackout is lower than it was,” said Victor "
                    "Rusu, an energy analyst at a Chisinau research group that advises "
                    "municipalities. “The economic risk is still there. When you import most of "
                    "your electricity, you import the price too.”"
                ),
            ),
            (
                "paragraph",
                (
                    "Moldova is one of the poorest countries in Europe, and energy bills take up a "
                    "large share of household budgets. The government has introduced compensation "
                    "for lower-income households during the heating season, paid according to "
                    "income and consumption. Aid groups say the scheme has helped but that many "
                    "older people living alone in rural areas still heat only one room in winter."
                ),
            ),
            (
                "paragraph",
                (
                    "Moldova also shares Ukraine’s exposure to attacks on Ukrainian energy "
                    "infrastructure. Because the two grids are closely linked, a sudden loss of "
                    "generation or transmission in Ukraine can affect Moldova’s system, and there "
                    "have been incidents in which debris from drones fell on Moldovan territory "
                    "near the border."
                ),
            ),
            (
                "paragraph",
                (
                    "Energy efficiency has become a priority for municipalities. In Bălți, the "
                    "country’s second-largest city, the council has insulated several schools and "
                    "is replacing street lighting with LED lamps. “Every kilowatt we do not use is "
                    "a kilowatt we do not have to import,” said Elena Grosu, a council official "
                    "responsible for the programme."
                ),
            ),
            (
                "paragraph",
                (
                    "EU accession talks with Moldova, which opened at the same time as those with "
                    "Ukraine, include chapters on energy that require the country to open its "
                    "market further and strengthen its regulator. Analysts say those reforms "
                    "could, over time, attract investment in local generation, including solar and "
                    "wind, which would reduce the country’s dependence on imports."
                ),
            ),
        ],
        "corrections": [],
    },
    {
        "slug": "baltic-towns-revive-civil-defence-drills",
        "section": "world",
        "headline": "Baltic towns revive civil-defence drills, drawing on Ukraine’s experience",
        "standfirst": (
            "Municipalities are mapping shelters, stocking emergency supplies and asking residents "
            "to prepare a 72-hour kit at home."
        ),
        "authors": ["sofia-weiss"],
        "tags": ["europe", "air defence"],
        "hours_ago": 50.0,
        "updated_hours_ago": None,
        "lead_image": {
            "title": "Baltic coastline",
            "alt": "A calm grey sea under a cloudy sky with a low headland on the horizon.",
            "caption": "Coastal towns in the Baltic states have updated their emergency plans.",
            "credit": "Liis Tamm / The Meridian Ledger",
            "motif": "sea",
            "seed": 119,
        },
        "body": [
            (
                "paragraph",
                (
                    "Towns in Estonia, Latvia and Lithuania are holding civil-defence exercises "
                    "that would have seemed unusual a few years ago: testing sirens, practising "
                    "evacuations of schools and publishing maps of public shelters and other "
                    "places where residents can take cover."
                ),
            ),
            (
                "paragraph",
                (
                    "Officials in several municipalities told The Meridian Ledger that their "
                    "planning had been shaped directly by Ukraine’s experience. Delegations of "
                    "Baltic emergency-service staff have visited Ukrainian cities to study how "
                    "alerts are issued, how shelters are managed and how essential services keep "
                    "running during power cuts."
                ),
            ),
            (
                "paragraph",
                (
                    "“We used to write plans for floods and storms,” said Kristiina Mets, who "
                    "coordinates emergency preparedness for a municipality on the Estonian coast. "
                    "“Now we write them for long outages and for situations where help may take "
                    "days to arrive. The Ukrainians showed us that the first 72 hours depend on "
                    "what people have at home.”"
                ),
            ),
            (
                "paragraph",
                (
                    "Residents are being encouraged to keep a kit with water, food, medicines, a "
                    "battery radio and copies of important documents. Several towns have also "
                    "registered basements and underground car parks that could serve as shelters "
                    "and marked them with signs."
                ),
            ),
            (
                "paragraph",
                (
                    "Governments in the region have stressed that the measures are precautionary. "
                    "Surveys suggest most residents support them, although some people say they "
                    "find the drills unsettling, particularly for children."
                ),
            ),
        ],
        "corrections": [],
    },
    {
        "slug": "ukrainian-refugees-germany-work",
        "section": "world",
        "headline": (
            "In Germany, Ukrainian refugees find work slowly — and then, for many, all at once"
        ),
        "standfirst": (
            "Language courses, recognition of qualifications and childcare have shaped how quickly "
            "Ukrainians have entered the German labour market. In Leipzig, the picture is shifting."
        ),
        "authors": ["daniel-okafor", "sofia-weiss"],
        "tags": ["displacement", "europe", "economy"],
        "hours_ago": 75.0,
        "updated_hours_ago": 50.0,
        "lead_image": {
            "title": "Leipzig evening",
            "alt": (
                "City buildings in silhouette against a pink and orange evening sky, with lit "
                "windows and a construction crane."
            ),
            "caption": (
                "Leipzig is home to several thousand Ukrainians who arrived after the full-scale "
                "invasion."
            ),
            "credit": "Jonas Berger / The Meridian Ledger",
            "motif": "city",
            "seed": 120,
        },
        "body": [
            (
                "paragraph",
                (
                    "For her first eighteen months in Germany, Nataliia Zhuk did not have a job. "
                    "She had a language course, a list of documents to translate and certify, and "
                    "a daughter who needed a kindergarten place that did not exist. Then, within a "
                    "single month, she passed her B1 German exam, her daughter started "
                    "kindergarten and a logistics company in Leipzig hired her as a planner."
                ),
            ),
            (
                "paragraph",
                (
                    "“Everyone told me it would take time,” said Zhuk, who worked as a "
                    "supply-chain manager at a food company in Dnipro before the war. “What they "
                    "did not tell me is that it would all happen at the same moment, after a very "
                    "long time of nothing.”"
                ),
            ),
            (
                "paragraph",
                (
                    "Her experience reflects a broader pattern. Germany hosts one of the largest "
                    "populations of refugees from Ukraine in the European Union, according to "
                    'UNHCR, the <a href="https://www.unhcr.org/">UN refugee agency</a>. In the '
                    "first years after arrival, the share of working-age Ukrainians in employment "
                    "in Germany was lower than in some neighbouring countries such as Poland or "
                    "the Czech Republic. Researchers attribute the difference partly to Germany’s "
                    "approach, which puts greater emphasis on language training before work."
                ),
            ),
            ("heading", "Language first, then work"),
            (
                "paragraph",
                (
                    "Most new arrivals are offered an integration course of about 700 hours, most "
                    "of it language tuition, followed by further professional language courses. "
                    "The approach is meant to help people find jobs that match their "
                    "qualifications rather than taking the first available work. Critics argue "
                    "that it keeps people out of the labour market for too long, and that many "
                    "would learn faster on the job."
                ),
            ),
            (
                "paragraph",
                (
                    "Employment among Ukrainian refugees has risen as more people complete the "
                    "courses, and government programmes now encourage earlier entry into work "
                    "alongside language learning. Employment agencies in several cities have set "
                    "up teams specifically to work with Ukrainian job seekers and with companies "
                    "willing to hire them."
                ),
            ),
            (
                "paragraph",
                (
                    "Employers have adapted as well. Several companies in Leipzig said they were "
                    "initially hesitant to hire people with limited German, but had found "
                    "workarounds: pairing new staff with Ukrainian-speaking colleagues, "
                    "translating safety briefings, and offering language lessons during working "
                    "hours. A manager at a logistics warehouse said a third of his night shift was "
                    "now Ukrainian. “Many came with qualifications far above the job, and some "
                    "have already moved on to better positions,” he said. “I count that as a "
                    "success, not a loss.”"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "The mistake is to think of this as one group with one problem. A nurse, a "
                        "truck driver and a software developer face completely different "
                        "obstacles. The nurse needs her diploma recognised. The driver needs his "
                        "licence converted. The developer often just needs someone to read his CV."
                    ),
                    "attribution": "Sabine Krüger, job counsellor at a Leipzig employment agency",
                },
            ),
            ("heading", "Recognition and childcare"),
            (
                "paragraph",
                (
                    "Recognition of professional qualifications remains one of the largest "
                    "obstacles, particularly in regulated professions such as medicine, nursing, "
                    "teaching and law. The process can take many months and often requires "
                    "additional exams or supervised practice. Several Ukrainian doctors and "
                    "teachers interviewed for this article were working in other jobs while they "
                    "waited."
                ),
            ),
            (
                "paragraph",
                (
                    "Childcare is the other bottleneck. Most adult Ukrainian refugees in Germany "
                    "are women, many of them caring for children alone because their husbands "
                    "remain in Ukraine. Without a kindergarten place or after-school care, "
                    "full-time work is often impossible. Leipzig, like many German cities, had a "
                    "shortage of kindergarten places before the refugees arrived."
                ),
            ),
            (
                "paragraph",
                (
                    "Vira Lutsenko, a former primary-school teacher from Kharkiv, now works as a "
                    "classroom assistant at a Leipzig school with a large number of Ukrainian "
                    "pupils. She is studying for the exams that would allow her to teach in "
                    "Germany. “In Kharkiv I had my own class for fifteen years,” she said. “Here I "
                    "help with reading and I translate for the parents. It is useful work, but it "
                    "is not my work. Not yet.”"
                ),
            ),
            ("heading", "Staying or going back"),
            (
                "paragraph",
                (
                    "Surveys of Ukrainian refugees in Germany suggest that a growing share intend "
                    "to stay for the long term, particularly those who have found work and whose "
                    "children are settled in school. Many say their plans depend on how the war "
                    "develops and on whether their home towns are safe and rebuilt."
                ),
            ),
            (
                "paragraph",
                (
                    "For Ukraine, the question is a difficult one. The country faces a serious "
                    "shortage of workers, and policymakers have discussed how to encourage people "
                    "to return after the war. Economists say the skills and savings that refugees "
                    "accumulate abroad could help reconstruction, but only if people come back or "
                    "stay closely connected."
                ),
            ),
            (
                "paragraph",
                (
                    "Ukraine’s government has discussed ways to keep ties with citizens abroad, "
                    "including Ukrainian-language schooling options and recognition of "
                    "qualifications gained in other countries. In Leipzig, community groups run "
                    "Saturday schools where children study Ukrainian language, literature and "
                    "history, so that they can keep up with the Ukrainian curriculum alongside "
                    "their German lessons."
                ),
            ),
            (
                "paragraph",
                (
                    "Zhuk says she has stopped trying to plan more than a year ahead. Her "
                    "daughter, now six, speaks German with her friends and Ukrainian at home. On "
                    "weekends they video-call her husband, who is serving in the army. “We live "
                    "here,” she said. “But home is a word I still use for Dnipro.”"
                ),
            ),
        ],
        "corrections": [
            {
                "hours_ago": 50.0,
                "text": (
                    "An earlier version of this article said German integration courses last about "
                    "70 hours. They last about 700 hours."
                ),
            },
        ],
    },
    {
        "slug": "danube-ports-grain-traffic",
        "section": "world",
        "headline": (
            "On the Danube, Romanian and Ukrainian ports compete and cooperate for grain traffic"
        ),
        "standfirst": (
            "River ports that handled modest volumes before the war have become a vital second "
            "route for Ukrainian exports. Now they are adjusting to a busier, less predictable "
            "role."
        ),
        "authors": ["taras-hnatyuk"],
        "tags": ["grain", "black sea", "europe"],
        "hours_ago": 0.75,
        "updated_hours_ago": None,
        "lead_image": {
            "title": "Bridge over the Danube",
            "alt": (
                "A long bridge with arches spanning a calm river, reflected in the water at golden "
                "hour."
            ),
            "caption": (
                "The lower Danube carries barges and small seagoing vessels between river ports "
                "and the Black Sea."
            ),
            "credit": "Ana Ciobanu / The Meridian Ledger",
            "motif": "river",
            "seed": 121,
        },
        "body": [
            (
                "paragraph",
                (
                    "The lower Danube, where the river forms part of the border between Ukraine "
                    "and Romania before reaching the Black Sea, has become one of the busiest "
                    "grain corridors in Europe. Ukrainian river ports such as Izmail and Reni load "
                    "barges and small ships, while the Romanian port of Constanța, on the coast, "
                    "handles large volumes of Ukrainian grain that arrive by river, rail and road."
                ),
            ),
            (
                "paragraph",
                (
                    "The relationship between the ports is part competition and part partnership. "
                    "Ukrainian operators want to keep as much of the handling — and the fees — as "
                    "possible on their side of the border. Romanian ports have invested in new "
                    "capacity that depends on Ukrainian cargo, and worry about what will happen if "
                    "seaborne routes from Odesa become fully reliable again."
                ),
            ),
            (
                "paragraph",
                (
                    "“Nobody built this for the long term, and now everyone is wondering how long "
                    "the long term is,” said Radu Ionescu, who manages a stevedoring company in "
                    "Constanța."
                ),
            ),
            (
                "paragraph",
                (
                    "The river route has limits. The Danube’s depth varies with the season, and in "
                    "dry summers barges must carry lighter loads. The navigation channel through "
                    "the delta is narrow, and pilots and tugs are in short supply at peak times. "
                    "Ukrainian river ports have also been damaged by drone attacks, which push up "
                    "insurance costs."
                ),
            ),
            (
                "paragraph",
                (
                    "For Ukrainian exporters, however, the Danube offers something valuable: an "
                    "alternative. Traders say that having several routes — Odesa-area ports, the "
                    "Danube and overland via the EU — reduces the risk that a single disruption "
                    "can halt exports entirely."
                ),
            ),
            ("related", "grain-shipments-hold-steady-odesa-ports"),
        ],
        "corrections": [],
    },
    # -------------------- Opinion
    {
        "slug": "opinion-what-blackouts-taught-my-building",
        "section": "opinion",
        "headline": "What the blackouts taught my building about its neighbours",
        "standfirst": (
            "For years I knew the people on my staircase only by the sound of their doors. Then "
            "the lights went out, and we had to learn each other’s names."
        ),
        "authors": ["petro-savchuk"],
        "tags": ["energy", "kyiv", "volunteers"],
        "hours_ago": 22.0,
        "updated_hours_ago": None,
        "lead_image": {
            "title": "Apartment blocks at night",
            "alt": "Dark apartment blocks at night with only a few lit windows under a starry sky.",
            "caption": (
                "During long outages, a single lit window often means a generator or a power "
                "station battery."
            ),
            "credit": "Mykola Sereda / The Meridian Ledger",
            "motif": "night",
            "seed": 122,
        },
        "body": [
            (
                "paragraph",
                (
                    "I have lived in the same nine-storey building on Kyiv’s left bank for "
                    "twenty-six years. Until the first winter of blackouts, I could have told you "
                    "very little about my neighbours. The woman on the fifth floor had a dog that "
                    "barked at the lift. The family opposite me argued in the evenings about money "
                    "and, I suspected, about the dog. That was roughly the extent of my knowledge."
                ),
            ),
            (
                "paragraph",
                (
                    "Then the power began to go out for hours at a time, and a building of 72 "
                    "flats turned out to be a small village that had simply never met."
                ),
            ),
            (
                "paragraph",
                (
                    "It started with the lift. A man from the seventh floor — Volodymyr, I now "
                    "know, a retired electrician — taped a sheet of paper inside it with the "
                    "outage schedule and a line at the bottom: “If you are stuck, call this "
                    "number. I will come.” Within a week, someone had added a second number. "
                    "Within a month, there was a chat group for the building, with rules, an "
                    "administrator and a surprisingly strict policy on off-topic messages."
                ),
            ),
            (
                "paragraph",
                (
                    "I do not want to make this sound sweeter than it was. Blackouts are "
                    "miserable. The cold creeps in from the walls, the food in the freezer becomes "
                    "a daily calculation, and the stairs to the ninth floor feel longer every "
                    "evening. Some neighbours were not interested in chat groups or shared "
                    "anything. There were arguments about who had paid for the building’s "
                    "generator and who was using it to charge an electric scooter."
                ),
            ),
            (
                "paragraph",
                (
                    "But something shifted. The chat group became a map of who needed what. The "
                    "woman on the fifth floor, whose name is Raisa, turned out to be 81 and unable "
                    "to carry water upstairs; teenagers from the second floor took turns doing it. "
                    "The family opposite me lent out their camping stove. Volodymyr ran an "
                    "extension cable from his power bank to the building’s door intercom so that "
                    "it would keep working."
                ),
            ),
            (
                "paragraph",
                (
                    "When people talk about resilience, they usually mean power stations, "
                    "transformers and air defence. Those matter enormously, and the engineers who "
                    "repair the grid under fire deserve far more recognition than they get. But "
                    "resilience also lives at the scale of a staircase. It is the difference "
                    "between an old woman sitting alone in the dark and an old woman who knows "
                    "that someone will knock on her door at eight o’clock with a bottle of water."
                ),
            ),
            (
                "paragraph",
                (
                    "What struck me most was how quickly trust formed once there was a practical "
                    "reason for it. We did not become friends because we decided to. We became "
                    "something like friends because we had to solve problems together, over and "
                    "over, and we found that we could."
                ),
            ),
            (
                "paragraph",
                (
                    "The outages are less frequent this autumn, at least for now. The chat group "
                    "is quieter. But it has not died. Last week someone posted that they had found "
                    "a set of keys in the courtyard; within ten minutes they were back with their "
                    "owner. Raisa, who has learned to use voice messages, still sends a short one "
                    "every evening: “I am fine. Good night, building.”"
                ),
            ),
            (
                "paragraph",
                (
                    "I used to think of my building as a place where I happened to sleep. I now "
                    "think of it as a place where I live, among people whose names I know. If that "
                    "is the only good thing the darkness left behind, it is not nothing."
                ),
            ),
            ("related", "kyiv-power-restored-after-overnight-strikes"),
        ],
        "corrections": [],
    },
    {
        "slug": "opinion-accession-is-a-marathon",
        "section": "opinion",
        "headline": "EU accession is a marathon. Ukraine’s leaders should say so plainly",
        "standfirst": (
            "Talking about membership as a finish line just around the corner sets up a "
            "disappointment the country cannot afford. Honesty about the distance would make the "
            "journey stronger."
        ),
        "authors": ["petro-savchuk"],
        "tags": ["eu accession", "europe"],
        "hours_ago": 60.0,
        "updated_hours_ago": None,
        "lead_image": {
            "title": "City skyline at dusk",
            "alt": (
                "A city skyline in silhouette at dusk with lit windows and a distant church dome."
            ),
            "caption": (
                "Public support for EU membership remains high in Ukraine, but expectations about "
                "timing vary."
            ),
            "credit": "Anna Lytvyn / The Meridian Ledger",
            "motif": "city",
            "seed": 123,
        },
        "body": [
            (
                "paragraph",
                (
                    "When I taught literature, I used to tell my students that the hardest books "
                    "are not the long ones. The hardest books are the ones you start believing "
                    "they will be short."
                ),
            ),
            (
                "paragraph",
                (
                    "I think about that often when I hear Ukrainians talk about the European "
                    "Union. Support for membership in this country is wide and deep, and I share "
                    "it. I believe Ukraine belongs in the Union, and that membership would anchor "
                    "the reforms that so many people here have fought for, in courtrooms and in "
                    "the streets as well as at the front. But I also hear, in conversations with "
                    "neighbours and former students, an expectation that membership is close: a "
                    "matter of a few years, a few more laws, one more summit."
                ),
            ),
            (
                "paragraph",
                "It is not, and I think our leaders should say so more plainly than they do.",
            ),
            (
                "paragraph",
                (
                    "Accession is a long legal process. A candidate country must bring its laws "
                    "into line with the entire body of EU legislation, chapter by chapter, and "
                    "then show that those laws work in practice — that courts are independent, "
                    "that procurement is clean, that regulators regulate. Every step requires the "
                    "agreement of every member state. Some countries have been candidates for well "
                    "over a decade. None of this is a secret, but it is rarely said aloud in "
                    "Ukraine’s public debate, where membership is often discussed as a reward that "
                    "is owed rather than a transformation that has to be built."
                ),
            ),
            (
                "paragraph",
                (
                    "I understand why. Politicians want to give people hope, and after everything "
                    "this country has endured, hope is not a small thing. Talking about a distant "
                    "goal feels like asking people to wait even longer for something they have "
                    "already paid for in blood."
                ),
            ),
            (
                "paragraph",
                (
                    "But false proximity has costs. When people are told the finish line is near, "
                    "every delay looks like a betrayal. Every objection from a member state "
                    "becomes proof that Europe never really wanted us. Disappointment of that kind "
                    "is easily exploited, by those at home who profit from cynicism and by those "
                    "abroad who would like Ukrainians to believe the West is a false friend."
                ),
            ),
            (
                "paragraph",
                (
                    "The honest story is more demanding and, I think, more inspiring. It goes like "
                    "this: membership is a decade-long project, perhaps longer. Its benefits will "
                    "not arrive on a single day; they will arrive gradually, as reforms take hold, "
                    "as investment follows predictable rules, as access to European programmes "
                    "grows. The work is ours to do, and much of it would be worth doing even if "
                    "Brussels did not exist: judges who cannot be bought, tenders that cannot be "
                    "rigged, officials who answer to citizens."
                ),
            ),
            (
                "paragraph",
                (
                    "Telling this story requires a certain kind of courage from politicians, "
                    "because it offers no quick victory to announce. It also requires something "
                    "from us, the public: patience that is not passivity, and attention to the "
                    "boring details of reform that rarely make the evening news."
                ),
            ),
            (
                "paragraph",
                (
                    "My students rarely finished a long novel in one sitting. The ones who "
                    "finished it at all were the ones who knew from the first page how many pages "
                    "there were, and decided to keep reading anyway. Ukraine can be that kind of "
                    "reader. But someone has to tell us how long the book is."
                ),
            ),
        ],
        "corrections": [],
    },
    {
        "slug": "opinion-culture-is-not-a-luxury",
        "section": "opinion",
        "headline": "Culture is not a luxury in wartime. It is how a country remembers itself",
        "standfirst": (
            "Every time a theatre fills or a library reopens, someone asks whether the money "
            "should have gone elsewhere. It is the wrong question."
        ),
        "authors": ["marta-kovalenko"],
        "tags": ["culture"],
        "hours_ago": 110.0,
        "updated_hours_ago": None,
        "lead_image": {
            "title": "Winter evening street",
            "alt": (
                "A snowy city street at dusk with warm lights in windows and street lamps glowing."
            ),
            "caption": (
                "Theatres, concert halls and libraries in many cities have kept working through "
                "the war."
            ),
            "credit": "Roman Fedak / The Meridian Ledger",
            "motif": "snow",
            "seed": 124,
        },
        "body": [
            (
                "paragraph",
                (
                    "A reader wrote to me last month, politely but firmly, to ask why this "
                    "newspaper spends time reporting on theatre premieres and book festivals while "
                    "the country is at war. Would it not be better, he asked, to put every hryvnia "
                    "and every column inch into the things that keep people alive?"
                ),
            ),
            (
                "paragraph",
                (
                    "I have been turning his question over ever since, because it deserves a "
                    "serious answer, and because I hear versions of it often."
                ),
            ),
            (
                "paragraph",
                (
                    "Here is mine. Culture is not what a country does after it has survived. It is "
                    "part of how it survives. A people that can no longer tell its own stories, in "
                    "its own language, to itself, is already halfway to being erased, and erasure "
                    "is one of the explicit aims of this war. Libraries and museums are not "
                    "damaged by accident when they stand in the way. Books are not removed from "
                    "occupied towns at random."
                ),
            ),
            (
                "paragraph",
                (
                    "I have sat in theatre basements during alerts, listening to actors carry on "
                    "with a scene by torchlight while the audience held its breath. I have watched "
                    "a librarian in Chernihiv hand a boy the next book in a series he started "
                    "before the war. These are not luxuries. They are acts of continuity: proof "
                    "that life has a shape beyond the next siren."
                ),
            ),
            (
                "paragraph",
                (
                    "None of this means culture should compete with air defence or hospitals for "
                    "funds. It usually does not: much of what keeps cultural life going comes from "
                    "volunteers, small donations and people working for very little. What it needs "
                    "most is attention — audiences, readers, and yes, a newspaper willing to write "
                    "about it."
                ),
            ),
            (
                "paragraph",
                (
                    "So we will keep reviewing plays and reporting on libraries. Not instead of "
                    "the war, but because of it."
                ),
            ),
        ],
        "corrections": [],
    },
    {
        "slug": "opinion-deminers-patience-courage",
        "section": "opinion",
        "headline": "A week with deminers taught me that patience is a form of courage",
        "standfirst": (
            "We tend to celebrate speed in wartime. The people clearing Ukraine’s fields work at "
            "the pace of a careful footstep, and they are right to."
        ),
        "authors": ["olena-marchuk"],
        "tags": ["demining"],
        "hours_ago": 190.0,
        "updated_hours_ago": None,
        "lead_image": {
            "title": "Field at golden hour",
            "alt": "A wheat field in warm evening light with a line of trees on the horizon.",
            "caption": (
                "Demining teams often work in fields like this one, where the only visible sign of "
                "danger is a row of warning markers."
            ),
            "credit": "Olena Marchuk / The Meridian Ledger",
            "motif": "field",
            "seed": 125,
        },
        "body": [
            (
                "paragraph",
                (
                    "On my first morning with the demining team, I made the mistake of asking how "
                    "much they would clear that day. The team leader, a former army engineer named "
                    "Vasyl, looked at me for a long moment before answering. “As much as we clear "
                    "properly,” he said. “Not one metre more.”"
                ),
            ),
            (
                "paragraph",
                (
                    "I spent a week with his team in a village in Chernihiv region last spring, "
                    "and I have thought about that answer many times since. As journalists, we are "
                    "trained to value speed: the first report, the quickest update. Politicians "
                    "announce targets in hectares per month. Farmers, understandably, want their "
                    "land back before the next sowing season. Everyone, including me, wants the "
                    "work to go faster."
                ),
            ),
            (
                "paragraph",
                (
                    "What I saw in that field was a completely different relationship with time. "
                    "Each deminer works within a marked lane, moving a detector slowly from side "
                    "to side, stopping at every signal. Most signals are nothing: a nail, a bottle "
                    "cap, a fragment of an old plough. Every one must be treated as if it were not "
                    "nothing. A good day might mean a few hundred square metres per person. A day "
                    "of rain or heat might mean less."
                ),
            ),
            (
                "paragraph",
                (
                    "The work is also intensely boring, which is part of what makes it dangerous. "
                    "Attention drifts. The deminers take scheduled breaks and rotate tasks to keep "
                    "their minds sharp. One of them, a young woman who used to be a hairdresser, "
                    "told me that the hardest part was not the fear but the concentration. “You "
                    "cannot have a bad day,” she said. “Other jobs allow a bad day.”"
                ),
            ),
            (
                "paragraph",
                (
                    "I came away believing that patience, in this context, is a form of courage. "
                    "It takes courage to walk into a field that might kill you. It takes a "
                    "different and quieter courage to walk into it slowly, every day, for months, "
                    "refusing the pressure to hurry."
                ),
            ),
            (
                "paragraph",
                (
                    "That has consequences for how we talk about demining. When we report on "
                    "progress, we should resist the temptation to treat it as a race. Faster is "
                    "good only if it is also thorough; a field declared clear that is not clear is "
                    "worse than a field still fenced off. More funding, more teams and better "
                    "machines can genuinely increase the pace, and they should be provided. But no "
                    "amount of money changes the speed of a careful footstep."
                ),
            ),
            (
                "paragraph",
                (
                    "On my last day, Vasyl’s team released a strip of land along the edge of a "
                    "pasture. There was no ceremony. The team leader signed a form, the markers "
                    "were pulled up and loaded into a van, and a farmer drove his cows onto the "
                    "grass an hour later. It was, he told me, the best kind of day: one on which "
                    "nothing at all happened."
                ),
            ),
        ],
        "corrections": [],
    },
    # -------------------- Explainers
    {
        "slug": "how-ukraines-power-grid-works",
        "section": "explainers",
        "headline": (
            "Explained: how Ukraine keeps the lights on when its power grid is under attack"
        ),
        "standfirst": (
            "Why a strike on one substation can darken a whole district, why repairs are fast but "
            "transformers are slow, and what scheduled outages actually mean."
        ),
        "authors": ["andriy-lysenko"],
        "tags": ["energy", "power grid"],
        "hours_ago": 36.0,
        "updated_hours_ago": None,
        "lead_image": {
            "title": "Pylons across open country",
            "alt": (
                "A row of lattice transmission towers carrying high-voltage lines across snowy "
                "fields under a blue sky with clouds."
            ),
            "caption": (
                "High-voltage transmission lines carry power from large plants to substations near "
                "cities."
            ),
            "credit": "Mykola Sereda / The Meridian Ledger",
            "motif": "power",
            "seed": 126,
        },
        "body": [
            (
                "paragraph",
                (
                    "When people in Ukraine say “the light has gone”, they are describing the end "
                    "of a long chain that starts at a power station and ends at a socket in their "
                    "kitchen. Attacks on the energy system target different links in that chain, "
                    "and understanding the chain helps explain why some outages last an hour and "
                    "others last for days."
                ),
            ),
            ("heading", "From power plant to kitchen"),
            (
                "paragraph",
                (
                    "Electricity is produced at power plants: nuclear, thermal (burning coal or "
                    "gas), hydroelectric dams and a growing number of solar and wind farms. Before "
                    "the full-scale invasion, nuclear plants produced roughly half of Ukraine’s "
                    "electricity. The largest of them, the Zaporizhzhia nuclear power plant, has "
                    "been under Russian occupation since the early weeks of the war and no longer "
                    "supplies the Ukrainian grid."
                ),
            ),
            (
                "paragraph",
                (
                    "From the plants, power travels over the <b>transmission network</b>: "
                    "high-voltage lines carried on tall steel pylons, operating at hundreds of "
                    "thousands of volts. High voltage allows electricity to travel long distances "
                    "with small losses. The transmission network is run by Ukrenergo, the national "
                    "grid operator, which also balances supply and demand across the country "
                    "second by second."
                ),
            ),
            (
                "paragraph",
                (
                    "At <b>substations</b>, transformers step the voltage down so it can be fed "
                    "into regional <b>distribution networks</b>, run by regional companies. These "
                    "lower-voltage lines, overhead or underground, carry power into towns and "
                    "cities, where smaller transformers step it down again for homes and "
                    "businesses."
                ),
            ),
            ("heading", "Why a single strike can darken a district"),
            (
                "paragraph",
                (
                    "A grid must be balanced at every moment: the amount of electricity produced "
                    "has to match the amount consumed. If a large plant suddenly stops, or a key "
                    "substation is knocked out, the system loses that balance. Automatic "
                    "protection equipment then disconnects parts of the network to prevent wider "
                    "damage, which is why an attack in one place can cause outages hundreds of "
                    "kilometres away."
                ),
            ),
            (
                "paragraph",
                (
                    "Substations are especially important because they are the junctions of the "
                    "system. A damaged line can often be bypassed by sending power along another "
                    "route. A damaged substation may cut off every line that passes through it "
                    "until it is repaired."
                ),
            ),
            ("heading", "Fast repairs, slow transformers"),
            (
                "paragraph",
                (
                    "Ukrainian energy workers have become some of the most experienced emergency "
                    "repair crews in the world. Damaged lines can often be repaired within hours, "
                    "and many substation components can be replaced within days if spares are "
                    "available."
                ),
            ),
            (
                "paragraph",
                (
                    "The bottleneck is large equipment, above all high-voltage "
                    "<b>autotransformers</b>. These are enormous, custom-built machines that can "
                    "weigh well over a hundred tonnes. Manufacturing one can take many months, and "
                    "only a limited number of factories in the world make them. Ukraine has "
                    "received equipment from partners abroad, including used transformers taken "
                    "from other countries’ reserves, but each attack that destroys one draws down "
                    "a limited stock."
                ),
            ),
            (
                "paragraph",
                (
                    "For this reason, the government and the grid operator have invested in "
                    "physical protection for key substations — concrete barriers and protective "
                    "structures around transformers — alongside air defence. Engineers say such "
                    "protection cannot stop a direct hit from a large missile but can reduce "
                    "damage from fragments and smaller drones."
                ),
            ),
            ("heading", "What scheduled outages are"),
            (
                "paragraph",
                (
                    "When the system does not have enough generation or transmission capacity to "
                    "meet demand, operators must reduce consumption deliberately rather than risk "
                    "an uncontrolled collapse. This is done through <b>scheduled outages</b>: the "
                    "regional distribution companies divide customers into groups, sometimes "
                    "called queues, and switch each group off for set periods in rotation."
                ),
            ),
            (
                "paragraph",
                (
                    "The schedules depend on the size of the shortfall, which changes with the "
                    "weather, the time of day and the state of the system after any attack. Demand "
                    "peaks in the morning and evening, and is higher in winter. Distribution "
                    "companies publish schedules on their websites and apps, and many cities also "
                    "post them in building entrances."
                ),
            ),
            (
                "paragraph",
                (
                    "<b>Emergency outages</b> are different: they are imposed immediately, without "
                    "a schedule, when something goes suddenly wrong — usually after an attack. "
                    "They are often followed by scheduled outages while repairs are carried out."
                ),
            ),
            ("heading", "The role of Europe’s grid"),
            (
                "paragraph",
                (
                    "Shortly after the full-scale invasion began, Ukraine’s grid was disconnected "
                    "from the Russian and Belarusian systems and synchronised with the continental "
                    "European network. That allows Ukraine to import electricity from its EU "
                    "neighbours at times of shortage and to export it at times of surplus. Imports "
                    "are limited by the capacity of the cross-border lines and by how much "
                    "neighbours can spare, but they provide an important margin at peak times."
                ),
            ),
            ("heading", "Smaller, spread-out power"),
            (
                "paragraph",
                (
                    "A large power station is a large target. One long-term response has been to "
                    "encourage <b>distributed generation</b>: smaller gas turbines and engines, "
                    "solar panels with batteries on hospitals and schools, and modular boilers "
                    "that can heat individual districts. A system made of many small parts is "
                    "harder to knock out with a handful of strikes, though it is also more complex "
                    "to manage."
                ),
            ),
            (
                "paragraph",
                (
                    "Households have adapted too. Many apartment buildings now have generators or "
                    "battery systems for lifts, water pumps and emergency lighting, and power "
                    "banks and portable batteries have become ordinary household items."
                ),
            ),
            ("heading", "What you can do"),
            (
                "paragraph",
                (
                    "Energy officials regularly ask consumers to use fewer power-hungry appliances "
                    "during the morning and evening peaks, especially when the system is under "
                    "strain. Even small reductions across millions of homes can reduce the length "
                    "of scheduled outages. Check your distribution company’s schedule, keep "
                    "devices charged, and keep a torch and a supply of water at home."
                ),
            ),
            ("related", "kyiv-power-restored-after-overnight-strikes"),
        ],
        "corrections": [],
    },
    {
        "slug": "eu-accession-explained",
        "section": "explainers",
        "headline": "Explained: what Ukraine’s EU accession process actually involves",
        "standfirst": (
            "Candidate status, chapters, clusters, benchmarks and unanimity: a guide to the long "
            "road from application to membership, and why it rarely moves in a straight line."
        ),
        "authors": ["andriy-lysenko", "daniel-okafor"],
        "tags": ["eu accession", "europe"],
        "hours_ago": 84.0,
        "updated_hours_ago": None,
        "lead_image": {
            "title": "Evening in Brussels",
            "alt": "A city skyline with office towers and lit windows under a violet evening sky.",
            "caption": (
                "Accession negotiations are conducted in intergovernmental conferences between the "
                "EU member states and the candidate country."
            ),
            "credit": "Pieter Vanhove / The Meridian Ledger",
            "motif": "city",
            "seed": 127,
        },
        "body": [
            (
                "paragraph",
                (
                    "Ukraine applied to join the European Union days after the full-scale invasion "
                    "began, and was granted candidate status later the same year. Formal "
                    "negotiations have since opened. But what does “negotiating” mean when one "
                    "side sets the rules and the other must adopt them? This guide walks through "
                    "the process step by step."
                ),
            ),
            ("heading", "Who can join"),
            (
                "paragraph",
                (
                    "Any European country that respects the EU’s founding values — democracy, the "
                    "rule of law and human rights among them — may apply. To become a member, it "
                    "must meet a set of conditions known as the <b>Copenhagen criteria</b>: stable "
                    "institutions that guarantee democracy and the rule of law; a functioning "
                    "market economy that can cope with competition inside the EU; and the ability "
                    "to take on the obligations of membership, meaning the entire body of EU law."
                ),
            ),
            (
                "paragraph",
                (
                    "There is a fourth, less discussed condition: the EU itself must be able to "
                    "absorb a new member. That question — how decisions are taken, how the budget "
                    "is shared — becomes more significant for a large country with a big "
                    "agricultural sector, such as Ukraine."
                ),
            ),
            ("heading", "From application to candidate"),
            (
                "paragraph",
                (
                    "After a country applies, the European Commission assesses its readiness and "
                    "issues an opinion. The member states, acting unanimously, then decide whether "
                    "to grant candidate status. Candidate status is a political recognition that a "
                    "country is on the path, but it does not by itself start negotiations. For "
                    "that, the member states must agree again, often after the candidate has met a "
                    "list of preliminary conditions."
                ),
            ),
            ("heading", "Chapters and clusters"),
            (
                "paragraph",
                (
                    "The body of EU law, known by its French name as the <b>acquis</b>, is divided "
                    "into 35 negotiating chapters. They range from the free movement of goods and "
                    "public procurement to food safety, energy, taxation, justice and fundamental "
                    "rights."
                ),
            ),
            (
                "paragraph",
                (
                    "Since a reform of the process in 2020, the chapters are grouped into six "
                    "<b>clusters</b>: fundamentals; the internal market; competitiveness and "
                    "inclusive growth; the green agenda and sustainable connectivity; resources, "
                    "agriculture and cohesion; and external relations. Negotiations on each "
                    "cluster are opened as a whole, rather than chapter by chapter."
                ),
            ),
            (
                "paragraph",
                (
                    "The <b>fundamentals</b> cluster — covering the judiciary, fundamental rights, "
                    "the fight against corruption and organised crime, public administration and "
                    "economic criteria — is opened first and closed last. Progress there "
                    "determines the pace of everything else. In practice, this means that reforms "
                    "to courts and anti-corruption institutions are the most important part of the "
                    "whole process."
                ),
            ),
            ("heading", "Benchmarks and screening"),
            (
                "paragraph",
                (
                    "Before negotiations on a cluster begin, the Commission and the candidate "
                    "carry out a <b>screening</b>: a detailed comparison of the candidate’s laws "
                    "with EU law in each area. The Commission then proposes <b>opening "
                    "benchmarks</b> — conditions that must be met before talks on a cluster can "
                    "start — and later <b>closing benchmarks</b>, which must be met before each "
                    "chapter can be provisionally closed."
                ),
            ),
            (
                "paragraph",
                (
                    "Meeting a benchmark usually means passing laws, but increasingly it also "
                    "means showing a track record: that the laws are applied, that institutions "
                    "work independently, that court cases reach verdicts. That kind of evidence "
                    "takes time to accumulate, which is one reason the process is slow."
                ),
            ),
            ("heading", "Unanimity at every step"),
            (
                "paragraph",
                (
                    "Every major decision in the process — opening a cluster, closing a chapter, "
                    "signing the final treaty — requires the agreement of all member states. Any "
                    "one government can delay the process, sometimes for reasons unrelated to the "
                    "candidate’s reforms, such as bilateral disputes over minority rights or "
                    "trade. Such vetoes have held up other candidates for long periods in the past."
                ),
            ),
            ("heading", "The accession treaty"),
            (
                "paragraph",
                (
                    "When all chapters are closed, the terms of membership are written into an "
                    "<b>accession treaty</b>. It may include transition periods — temporary "
                    "exceptions that allow either the new member or existing members to phase in "
                    "certain rules over several years. Agriculture, the free movement of workers "
                    "and access to EU funds are areas where transition periods have been common in "
                    "previous enlargements."
                ),
            ),
            (
                "paragraph",
                (
                    "The treaty must be approved by the European Parliament and signed by all "
                    "member states and the candidate. It must then be ratified by every member "
                    "state, according to its own constitutional rules — in some countries by "
                    "parliament, in others potentially by referendum — and by the candidate "
                    "country."
                ),
            ),
            ("heading", "How long does it take?"),
            (
                "paragraph",
                (
                    "There is no fixed timetable. Countries that joined in the large enlargement "
                    "of 2004 took roughly a decade from application to membership. Some current "
                    "candidates have been in the process for much longer. Estimates for Ukraine "
                    "vary widely, and depend on the pace of reforms, the war, and political "
                    "decisions inside the EU."
                ),
            ),
            (
                "paragraph",
                (
                    "What is clear is that the process does not deliver benefits only at the end. "
                    "Candidates gain access to pre-accession funding, to some EU programmes, and — "
                    "as the Ukrainian case shows — to deepening integration in specific areas, "
                    "such as the electricity grid or road freight, well before full membership."
                ),
            ),
            ("heading", "Key terms"),
            (
                "paragraph",
                (
                    "<b>Acquis</b>: the body of EU law a candidate must adopt. <b>Cluster</b>: a "
                    "group of negotiating chapters opened together. <b>Benchmark</b>: a condition "
                    "for opening or closing a negotiating area. <b>Intergovernmental "
                    "conference</b>: the formal meeting between member states and the candidate at "
                    "which negotiating steps are taken."
                ),
            ),
        ],
        "corrections": [],
    },
    {
        "slug": "black-sea-grain-routes-explained",
        "section": "explainers",
        "headline": "Explained: how Ukrainian grain reaches the world’s markets",
        "standfirst": (
            "By ship from Odesa, by barge along the Danube, by train and lorry across the EU: the "
            "routes that carry Ukraine’s harvest, and what makes each of them fragile."
        ),
        "authors": ["taras-hnatyuk", "andriy-lysenko"],
        "tags": ["grain", "black sea", "odesa", "economy"],
        "hours_ago": 130.0,
        "updated_hours_ago": None,
        "lead_image": {
            "title": "Ship at sunrise",
            "alt": (
                "A bulk carrier silhouetted on the horizon at sunrise, with sunlight reflecting on "
                "the sea."
            ),
            "caption": (
                "Most Ukrainian grain exports travel by sea, usually in bulk carriers loaded at "
                "terminals near Odesa."
            ),
            "credit": "Anna Lytvyn / The Meridian Ledger",
            "motif": "sea",
            "seed": 128,
        },
        "body": [
            (
                "paragraph",
                (
                    "Ukraine is one of the world’s largest exporters of wheat, maize, barley and "
                    "sunflower oil. Its harvest matters far beyond its borders: buyers in North "
                    "Africa, the Middle East and Asia depend on it, and disruptions to Ukrainian "
                    "exports can move prices worldwide. Since the full-scale invasion, the "
                    "question of how that grain leaves the country has become one of the most "
                    "closely watched in the global food trade."
                ),
            ),
            ("heading", "Why the sea matters most"),
            (
                "paragraph",
                (
                    "Grain is heavy and cheap relative to its weight, so the cost of moving it "
                    "matters a great deal. By far the cheapest way to move large volumes over long "
                    "distances is by sea. Before the war, the vast majority of Ukraine’s grain "
                    "exports left through ports on the Black Sea, above all the ports of Odesa, "
                    "Chornomorsk and Pivdennyi, which together form the Greater Odesa port cluster."
                ),
            ),
            (
                "paragraph",
                (
                    "A large bulk carrier can take tens of thousands of tonnes in a single voyage, "
                    "the equivalent of hundreds of railway wagons or well over a thousand lorries. "
                    "No land route can match that efficiency."
                ),
            ),
            ("heading", "First stop: the elevator"),
            (
                "paragraph",
                (
                    "Before grain reaches a port, it usually passes through an elevator: a storage "
                    "facility where it is dried, cleaned, graded and held until it is sold. "
                    "Ukraine has a large network of elevators, many built beside railway lines. "
                    "From there, most export grain travels to the ports by train, and the railway "
                    "is the link that connects every export route. A single damaged bridge or "
                    "traction substation can hold up hundreds of wagons."
                ),
            ),
            (
                "paragraph",
                (
                    "Damage to elevators and storage in the south has pushed farmers and traders "
                    "to keep more grain on farms or in temporary storage, such as long plastic "
                    "sleeves laid on the ground, which are cheap but offer less protection from "
                    "weather and pests."
                ),
            ),
            ("heading", "A corridor that changed several times"),
            (
                "paragraph",
                (
                    "In the first months of the full-scale invasion, commercial shipping from "
                    "Ukraine’s sea ports largely stopped. From the summer of 2022, an arrangement "
                    "brokered by the United Nations and Turkey allowed ships to sail to and from "
                    "three Ukrainian ports under an inspection regime. It operated for about a "
                    "year before Russia withdrew from it."
                ),
            ),
            (
                "paragraph",
                (
                    "Ukraine then began operating its own shipping corridor, with vessels sailing "
                    "close to the western coast of the Black Sea, through the territorial waters "
                    "of Romania and Bulgaria, before heading to the Bosphorus. Despite attacks on "
                    "port infrastructure, this route has carried large volumes of grain, and it "
                    "remains the backbone of Ukraine’s exports."
                ),
            ),
            ("heading", "The Danube route"),
            (
                "paragraph",
                (
                    "Ukraine’s river ports on the Danube, such as Izmail and Reni, became much "
                    "more important when the sea ports were blocked. Grain is loaded onto barges "
                    "or small seagoing ships and travels down the river to the Black Sea, or is "
                    "transferred to larger vessels at the Romanian port of Constanța. The river "
                    "route is useful but limited: water levels vary, the channel is narrow, and "
                    "the ports have also been targeted by drones."
                ),
            ),
            (
                "image",
                {
                    "title": "Grain wagons on the line",
                    "alt": (
                        "Railway tracks and overhead wires running towards the horizon beside a "
                        "concrete platform at dawn."
                    ),
                    "caption": (
                        "Much of Ukraine’s grain reaches the ports by rail, on routes that can be "
                        "disrupted by damage far inland."
                    ),
                    "credit": "Mykola Sereda / The Meridian Ledger",
                    "motif": "rail",
                    "seed": 506,
                },
            ),
            ("heading", "Overland through the EU"),
            (
                "paragraph",
                (
                    "Grain can also leave by rail and road across Ukraine’s western borders into "
                    "Poland, Slovakia, Hungary and Romania, and then onwards to EU ports or "
                    "buyers. The EU created so-called solidarity lanes to make this easier, "
                    "including by waiving some customs formalities."
                ),
            ),
            (
                "paragraph",
                (
                    "Overland routes face two problems. The first is cost: moving grain by lorry "
                    "or train over long distances is far more expensive than shipping it. The "
                    "second is the different railway gauge — Ukraine’s track is wider than the "
                    "European standard — which means grain must often be transferred between "
                    "wagons at the border. The influx of Ukrainian grain into neighbouring "
                    "countries also led to protests by farmers there and to import restrictions by "
                    "some governments."
                ),
            ),
            ("heading", "What a farmer actually receives"),
            (
                "paragraph",
                (
                    "Every step between a Ukrainian field and a foreign buyer adds cost: transport "
                    "to an elevator, storage, rail or road freight to the port, port handling, sea "
                    "freight and insurance. Because Ukrainian grain competes on world markets, "
                    "where the price is set by global supply and demand, these costs are largely "
                    "subtracted from what the farmer receives. That is why prices paid at inland "
                    "elevators in Ukraine are well below the prices quoted for the same grain at "
                    "destination ports."
                ),
            ),
            (
                "paragraph",
                (
                    "War-risk insurance is a particularly volatile part of the cost. Shipowners "
                    "must buy extra cover to send a vessel into a war zone, and premiums rise "
                    "after each attack on shipping or ports. Ukraine has worked with international "
                    "partners on insurance schemes intended to reduce these costs."
                ),
            ),
            ("heading", "Why it matters beyond Ukraine"),
            (
                "paragraph",
                (
                    "Ukrainian wheat and maize are staples for importing countries where bread is "
                    "a basic food and governments often subsidise its price. When Ukrainian "
                    "exports fall or become more expensive, those countries must look elsewhere, "
                    "often paying more. Humanitarian agencies also buy Ukrainian grain for food "
                    "aid. A stable export route is therefore not only a question of Ukraine’s "
                    "economy, but of food prices for millions of people elsewhere."
                ),
            ),
            ("heading", "What to watch"),
            (
                "paragraph",
                (
                    "A few indicators show how well the routes are working: the number of ships "
                    "calling at Odesa-area ports each month, how long vessels wait to load, the "
                    "level of war-risk premiums, and the gap between prices at Ukrainian elevators "
                    "and prices at destination ports. A narrowing gap usually means the routes are "
                    "becoming cheaper and more reliable; a widening one means costs are rising "
                    "somewhere along the chain."
                ),
            ),
        ],
        "corrections": [],
    },
    {
        "slug": "how-air-raid-alerts-work",
        "section": "explainers",
        "headline": "Explained: how air-raid alerts work, and why some of them last for hours",
        "standfirst": (
            "Who decides when the sirens sound, why an alert can cover a whole region when the "
            "threat is far away, and what the all-clear really means."
        ),
        "authors": ["andriy-lysenko"],
        "tags": ["air defence", "kyiv"],
        "hours_ago": 160.0,
        "updated_hours_ago": None,
        "lead_image": {
            "title": "Searchlights over the city",
            "alt": (
                "Searchlight beams crossing a dark night sky above a city skyline with a few lit "
                "windows."
            ),
            "caption": (
                "An alert over Kyiv at night. Alerts are declared by region, and sometimes for "
                "smaller areas."
            ),
            "credit": "Mykola Sereda / The Meridian Ledger",
            "motif": "night",
            "seed": 129,
        },
        "body": [
            (
                "paragraph",
                (
                    "For anyone living in Ukraine, the air-raid alert is part of daily life: the "
                    "rising and falling siren, the notification on a phone, the voice on the metro "
                    "loudspeakers. But the system behind it is less familiar. This explainer "
                    "describes how alerts are issued, why they vary so much in length, and what "
                    "they are — and are not — designed to tell you."
                ),
            ),
            ("heading", "Who declares an alert"),
            (
                "paragraph",
                (
                    "Alerts are based on information from the military, which tracks aircraft, "
                    "missiles and drones using radar and other means. When a threat is detected "
                    "that could reach a given area, the regional authorities declare an alert for "
                    "that area. The signal is then sent out through several channels at once: "
                    "outdoor sirens, official mobile apps, television and radio, public transport "
                    "announcements and local messaging channels."
                ),
            ),
            (
                "paragraph",
                (
                    "Alerts are usually declared for a whole region, or oblast. In some regions, "
                    "including large ones, alerts can be declared for smaller areas, so that "
                    "people far from the threat are not sent to shelters unnecessarily. Refining "
                    "this has been a long-running effort, because frequent alerts that turn out to "
                    "be irrelevant can lead people to stop responding."
                ),
            ),
            (
                "paragraph",
                (
                    "Sirens are maintained by local authorities, and their coverage is not "
                    "perfect. In large cities, some residents cannot hear them indoors, especially "
                    "in newer buildings with good sound insulation. That is one reason most people "
                    "rely on phone notifications, and why officials recommend having more than one "
                    "source of alerts."
                ),
            ),
            ("heading", "Why some alerts are short and others are long"),
            (
                "paragraph",
                (
                    "The length of an alert depends mostly on the type of threat. Ballistic "
                    "missiles travel extremely fast, so alerts linked to them may be short but "
                    "leave very little time to reach shelter. Cruise missiles are slower and can "
                    "change direction, so an alert may be declared over a wide area while their "
                    "path is tracked."
                ),
            ),
            (
                "paragraph",
                (
                    "Attack drones are slower still, flying at speeds comparable to a small "
                    "aircraft. They are often launched in large numbers over several hours and can "
                    "follow winding routes. A region may remain under alert for much of the night "
                    "as groups of drones pass through, even if none approaches a particular city. "
                    "This is the main reason some alerts last for hours."
                ),
            ),
            ("heading", "What the all-clear means"),
            (
                "paragraph",
                (
                    "When the authorities judge that the threat to an area has passed, they "
                    "announce the end of the alert. The all-clear does not mean there was no "
                    "danger, or that the threat has ended everywhere. Falling debris from "
                    "intercepted missiles and drones can cause damage after an attack, and "
                    "unexploded fragments should never be touched. Emergency services ask people "
                    "to report them instead."
                ),
            ),
            ("heading", "What the map shows"),
            (
                "paragraph",
                (
                    "Official alert apps and many news sites show a map of Ukraine on which "
                    "regions are shaded while an alert is active. A shaded region means an alert "
                    "has been declared there. It does not show where the threat is, what kind it "
                    "is or how many drones or missiles are involved, and a neighbouring district "
                    "may be shaded while yours is not."
                ),
            ),
            ("heading", "Where to shelter"),
            (
                "paragraph",
                (
                    "Official guidance is to go to the nearest shelter during an alert. In cities, "
                    "that may be a metro station, an underground car park or a purpose-built "
                    "shelter in a school or apartment building. Many cities publish maps of "
                    "shelters, and they are marked with signs."
                ),
            ),
            (
                "paragraph",
                (
                    "When reaching a shelter is not possible, emergency services recommend the "
                    "“two walls” rule: staying in a place separated from the outside by at least "
                    "two walls, such as a corridor or bathroom without windows, away from glass. "
                    "Windows are a major source of injuries when blasts break them."
                ),
            ),
            ("heading", "Living with alerts"),
            (
                "paragraph",
                (
                    "Over time, people have developed their own ways of balancing safety and "
                    "normal life. Schools and workplaces have procedures that are rehearsed and "
                    "predictable. Many people follow monitoring channels that describe the threat "
                    "in more detail, though officials caution that unofficial channels can be "
                    "wrong and should not replace official alerts."
                ),
            ),
            (
                "paragraph",
                (
                    "Employers have their own rules. Some send staff to shelters as soon as an "
                    "alert begins; others, particularly in critical industries, continue work "
                    "until a more specific threat is reported, following official guidance. Shops "
                    "and cafés vary: some close their doors for the duration, while others stay "
                    "open and point customers to the nearest shelter."
                ),
            ),
            (
                "paragraph",
                (
                    "Psychologists note that the accumulation of alerts, especially at night, "
                    "takes a toll on sleep and mental health. They recommend keeping routines as "
                    "stable as possible, preparing a small bag with essentials in advance to "
                    "reduce stress when an alert starts, and talking openly with children about "
                    "what the sirens mean."
                ),
            ),
            ("heading", "Why you should not ignore them"),
            (
                "paragraph",
                (
                    "The biggest risk of a long war is alert fatigue: after hundreds of alerts "
                    "without incident, it is tempting to stay in bed. Officials and emergency "
                    "workers consistently urge people not to do so, especially when an alert is "
                    "linked to missiles. The system is designed to give people a chance; it only "
                    "works if they use it."
                ),
            ),
            ("newsletter", "Explainers like this one, every Sunday"),
            ("related", "kyiv-school-timetable-air-raid-alerts"),
        ],
        "corrections": [],
    },
    {
        "slug": "what-it-takes-to-clear-a-field-of-mines",
        "section": "explainers",
        "headline": "Explained: what it takes to clear a field of mines",
        "standfirst": (
            "Survey, clearance, checks and release: the painstaking steps between a field marked "
            "with warning signs and a tractor back at work."
        ),
        "authors": ["andriy-lysenko", "olena-marchuk"],
        "tags": ["demining", "reconstruction"],
        "hours_ago": 238.0,
        "updated_hours_ago": None,
        "lead_image": {
            "title": "Farmland under an open sky",
            "alt": (
                "A broad field under a blue sky with white clouds and a dark line of trees at the "
                "horizon."
            ),
            "caption": (
                "Before a field can be farmed again, it must be surveyed and, where needed, "
                "cleared."
            ),
            "credit": "Olena Marchuk / The Meridian Ledger",
            "motif": "field",
            "seed": 130,
        },
        "body": [
            (
                "paragraph",
                (
                    "Large parts of Ukraine may be contaminated with mines and other explosive "
                    "remnants of war. Government estimates of the area that could be affected have "
                    "run into tens of thousands of square kilometres, much of it farmland and "
                    "forest. Clearing it is one of the largest humanitarian tasks the country "
                    "faces. Here is how it works."
                ),
            ),
            ("heading", "Not every suspect field is mined"),
            (
                "paragraph",
                (
                    "The first step is to work out where the danger really is. In a "
                    "<b>non-technical survey</b>, teams collect information without entering the "
                    "suspected area: they interview residents, farmers and local officials, study "
                    "records of fighting, and look at satellite and drone imagery. The goal is to "
                    "shrink the suspected area as much as possible, so that expensive and slow "
                    "clearance is used only where it is really needed."
                ),
            ),
            (
                "paragraph",
                (
                    "This stage often releases large amounts of land without any clearance at all, "
                    "when evidence shows that an area was never contaminated. Demining specialists "
                    "say a good survey is the single biggest factor in how quickly land can be "
                    "returned to use."
                ),
            ),
            (
                "paragraph",
                (
                    "A typical example: a village reports that shelling hit “the fields beyond the "
                    "school”. Survey teams talk to the farmer who worked there, the tractor driver "
                    "who saw craters, and the neighbour who found fragments in her garden. They "
                    "compare those accounts with imagery taken before and after the fighting. What "
                    "began as a suspected area of several hundred hectares may shrink to a few "
                    "dozen that actually need clearance."
                ),
            ),
            ("heading", "Technical survey and clearance"),
            (
                "paragraph",
                (
                    "Where evidence of contamination remains, teams carry out a <b>technical "
                    "survey</b>, entering the area to confirm what is there and where its edges "
                    "lie. Then comes <b>clearance</b> itself."
                ),
            ),
            (
                "paragraph",
                (
                    "Manual clearance is the most familiar image: deminers in protective vests and "
                    "visors working in marked lanes, sweeping the ground with metal detectors and "
                    "investigating each signal with hand tools. It is slow — a deminer may clear "
                    "only a few hundred square metres a day — but it is precise and can be used "
                    "almost anywhere."
                ),
            ),
            (
                "paragraph",
                (
                    "Machines can speed up the work on suitable ground. Armoured vehicles with "
                    "rotating flails or tillers churn the soil to detonate or expose explosive "
                    "items. They are effective in open fields but cannot be used everywhere, and "
                    "their work is usually followed by manual checks. Specially trained dogs are "
                    "also used to detect explosives by smell."
                ),
            ),
            ("heading", "What teams actually find"),
            (
                "paragraph",
                (
                    "In many areas, most of what deminers find is not mines but <b>unexploded "
                    "ordnance</b>: artillery shells, rockets, cluster munition remnants and "
                    "grenades that failed to detonate. These can be as dangerous as mines, and are "
                    "often more unpredictable, because they may be damaged or buried at different "
                    "depths."
                ),
            ),
            (
                "paragraph",
                (
                    "Teams must also deal with booby traps and with munitions that have become "
                    "more sensitive after months of exposure to fire, frost and farm machinery. "
                    "Every find is recorded with its location and type, building a picture of "
                    "contamination that helps plan further work."
                ),
            ),
            ("heading", "Checks and release"),
            (
                "paragraph",
                (
                    "Cleared land is not simply handed back. Work is checked by quality-control "
                    "teams, and every cleared area is documented in detail, in line with national "
                    "standards based on the <a "
                    'href="https://www.mineactionstandards.org/">International Mine Action '
                    "Standards</a>. Only then is the land formally released to its owners or "
                    "users, with records showing what was done and what was found."
                ),
            ),
            ("heading", "Why it takes so long"),
            (
                "paragraph",
                (
                    "The main limits are people, equipment and money. Ukraine has expanded the "
                    "number of certified demining operators — state services, humanitarian "
                    "organisations and commercial companies — and trained many new deminers, "
                    "including women, but the scale of the task is enormous. Active fighting also "
                    "means that some areas cannot be cleared at all yet."
                ),
            ),
            (
                "paragraph",
                (
                    "Experts caution against judging progress only by speed. A field declared safe "
                    "that still contains explosives is more dangerous than one that remains "
                    "marked, because people will trust it. The aim is not only to clear land, but "
                    "to clear it in a way that people can believe."
                ),
            ),
            ("heading", "Who does the work"),
            (
                "paragraph",
                (
                    "Demining in Ukraine is carried out by a mix of organisations. State emergency "
                    "services and the armed forces handle much of it, especially in areas recently "
                    "affected by fighting. Humanitarian organisations, Ukrainian and "
                    "international, focus on land that communities need most: farmland, roads, the "
                    "surroundings of schools and water supplies. Commercial companies are "
                    "increasingly hired by farmers and businesses, with part of the cost covered "
                    "by a state compensation programme."
                ),
            ),
            ("heading", "What it costs"),
            (
                "paragraph",
                (
                    "Costs vary widely with the terrain, the type of contamination and the method "
                    "used. Clearing a single hectare by hand can occupy a team for many days. "
                    "Machines lower the cost per hectare on suitable ground but are expensive to "
                    "buy, run and move. International donors fund much of the humanitarian work, "
                    "and Ukrainian companies have begun producing cheaper machines and detection "
                    "tools of their own."
                ),
            ),
            ("heading", "What residents should do"),
            (
                "paragraph",
                (
                    "Do not enter areas marked with warning signs, do not touch unfamiliar "
                    "objects, and report anything suspicious to the emergency services. Many "
                    "communities offer risk-education sessions, particularly for children, who are "
                    "especially vulnerable."
                ),
            ),
            ("related", "chernihiv-deminers-return-farmland"),
        ],
        "corrections": [],
    },
]

HOME = {
    "lead": "kyiv-power-restored-after-overnight-strikes",
    "top_stories": [
        "odesa-grain-terminal-night-shift",
        "eu-ministers-weigh-accession-timetable",
        "kharkiv-volunteer-kitchen-900-meals",
        "grain-shipments-hold-steady-odesa-ports",
    ],
    "featured": {
        "slug": "how-ukraines-power-grid-works",
        "kicker": "Explainer",
        "teaser": (
            "Why one damaged substation can darken a whole district, why transformers take months "
            "to replace, and what scheduled outages really mean."
        ),
    },
    "editors_picks": [
        "railway-repair-crews-kharkiv-line",
        "displaced-families-zakarpattia-stay-or-return",
        "opinion-what-blackouts-taught-my-building",
        "southern-farmers-harvest-mines-costs",
    ],
}

# Newest first. Exactly one item is pinned. Only <b> and <a href> markup is used.
FEED_ITEMS = [
    {
        "minutes_ago": 6,
        "text": (
            "Kyiv’s distribution company says <b>no scheduled outages</b> are planned in the "
            "capital this evening. Schedules for tomorrow will be published by 8 p.m."
        ),
        "link": None,
        "section": "ukraine",
        "pinned": False,
    },
    {
        "minutes_ago": 14,
        "text": (
            "Air-raid alert lifted in Kharkiv region after 35 minutes. <b>No damage reported</b> "
            "so far, according to the regional administration."
        ),
        "link": None,
        "section": "ukraine",
        "pinned": False,
    },
    {
        "minutes_ago": 27,
        "text": (
            "Brussels: the Commission is expected to present an updated assessment of Ukraine’s "
            "reform progress before ministers meet again, diplomats say."
        ),
        "link": "eu-ministers-weigh-accession-timetable",
        "section": "news",
        "pinned": False,
    },
    {
        "minutes_ago": 41,
        "text": (
            "The Kharkiv–Lviv intercity train is running about 50 minutes late after a brief power "
            "interruption on the line, the railway says. Connecting services will wait."
        ),
        "link": None,
        "section": "ukraine",
        "pinned": False,
    },
    {
        "minutes_ago": 58,
        "text": (
            "Water pressure has returned to normal in high-rise buildings on Kyiv’s left bank, the "
            "city’s water utility says, after pumping stations were reconnected to mains power."
        ),
        "link": None,
        "section": "ukraine",
        "pinned": False,
    },
    {
        "minutes_ago": 76,
        "text": (
            "Trolleybus routes on the left bank are back in service. Replacement diesel buses have "
            "been withdrawn, the city transport department says."
        ),
        "link": None,
        "section": None,
        "pinned": False,
    },
    {
        "minutes_ago": 95,
        "text": (
            "In case you missed it: a night at an Odesa grain terminal, where crews keep loading "
            "ships between alerts. Read Olena Marchuk’s report from the quayside."
        ),
        "link": "odesa-grain-terminal-night-shift",
        "section": "ukraine",
        "pinned": False,
    },
    {
        "minutes_ago": 118,
        "text": (
            "Engineers are still assessing a damaged transformer at one of the two substations hit "
            "overnight. Officials say scheduled outages <b>may return later this week</b>."
        ),
        "link": "kyiv-power-restored-after-overnight-strikes",
        "section": "news",
        "pinned": False,
    },
    {
        "minutes_ago": 140,
        "text": (
            "<b>Following:</b> power has been restored to most of Kyiv after overnight strikes on "
            "energy sites. We will keep updating this feed as repair work continues."
        ),
        "link": "kyiv-power-restored-after-overnight-strikes",
        "section": "news",
        "pinned": True,
    },
    {
        "minutes_ago": 175,
        "text": (
            "Air-raid alert lifted in Kyiv after two hours and 52 minutes. Metro stations used as "
            "shelters are returning to normal service."
        ),
        "link": None,
        "section": "ukraine",
        "pinned": False,
    },
    {
        "minutes_ago": 236,
        "text": (
            "About a third of Kyiv households are without power, according to the regional "
            "distribution company. Repair crews are waiting for the all-clear."
        ),
        "link": None,
        "section": "news",
        "pinned": False,
    },
    {
        "minutes_ago": 282,
        "text": (
            "Explosions heard in several districts of Kyiv as air defence operates over the city. "
            "Stay in shelters until the alert ends."
        ),
        "link": None,
        "section": "news",
        "pinned": False,
    },
    {
        "minutes_ago": 347,
        "text": (
            "Air-raid alert declared in Kyiv and much of central Ukraine. Official channels report "
            "groups of drones moving towards the capital."
        ),
        "link": None,
        "section": "news",
        "pinned": False,
    },
    {
        "minutes_ago": 410,
        "text": (
            "Grain traders report steady loading at Odesa-area ports, but war-risk insurance "
            "premiums have risen again. <b>Smaller exporters</b> say margins are shrinking."
        ),
        "link": "grain-shipments-hold-steady-odesa-ports",
        "section": "news",
        "pinned": False,
    },
    {
        "minutes_ago": 470,
        "text": (
            "Kharkiv’s Warm Hands kitchen is cooking about 900 meals a day for older residents. "
            "Iryna Sobko spent a morning with its volunteers."
        ),
        "link": "kharkiv-volunteer-kitchen-900-meals",
        "section": "ukraine",
        "pinned": False,
    },
    {
        "minutes_ago": 545,
        "text": (
            "The state railway will add two overnight trains a week between Kyiv and Uzhhorod from "
            "next month. Tickets on the route have been selling out days in advance."
        ),
        "link": "night-trains-kyiv-uzhhorod-demand",
        "section": "news",
        "pinned": False,
    },
    {
        "minutes_ago": 612,
        "text": (
            "Light snow is forecast for the Carpathians tonight, with temperatures in the west "
            "falling to around minus three degrees, according to the <a "
            'href="https://www.meteo.gov.ua/">national weather service</a>. Kyiv stays dry and '
            "cloudy."
        ),
        "link": None,
        "section": None,
        "pinned": False,
    },
    {
        "minutes_ago": 690,
        "text": (
            "Lorry queues at several Polish–Ukrainian border crossings have shortened to between "
            "one and three days, logistics companies say, as more freight moves by rail."
        ),
        "link": "polish-border-freight-shifts-to-rail",
        "section": "world",
        "pinned": False,
    },
    {
        "minutes_ago": 760,
        "text": (
            "Air-raid alert lifted in Odesa region after 25 minutes. Port operations resumed "
            "shortly afterwards, terminal operators said."
        ),
        "link": None,
        "section": "ukraine",
        "pinned": False,
    },
    {
        "minutes_ago": 835,
        "text": (
            "Diplomats say most EU governments favour opening another cluster of accession "
            "chapters with Ukraine within months. <b>Several capitals want more detail</b> on "
            "judicial reform first."
        ),
        "link": "eu-ministers-weigh-accession-timetable",
        "section": "world",
        "pinned": False,
    },
    {
        "minutes_ago": 905,
        "text": (
            "Hospitals, schools and kindergartens will be connected to central heating first this "
            "autumn; residential buildings follow after three days below eight degrees."
        ),
        "link": "heating-season-start-gradual",
        "section": "news",
        "pinned": False,
    },
    {
        "minutes_ago": 980,
        "text": (
            "Column: Petro Savchuk on how a building of 72 flats became “a small village that had "
            "simply never met” during the blackouts."
        ),
        "link": "opinion-what-blackouts-taught-my-building",
        "section": "opinion",
        "pinned": False,
    },
    {
        "minutes_ago": 1065,
        "text": (
            "Air-raid alert in Dnipropetrovsk region lifted after one hour. Authorities are "
            "checking reports of debris on farmland near the regional centre."
        ),
        "link": None,
        "section": "ukraine",
        "pinned": False,
    },
    {
        "minutes_ago": 1075,
        "text": (
            "Displaced families in Zakarpattia describe the choice between staying, returning home "
            "or moving abroad. Marta Kovalenko and Sofia Weiss report from Uzhhorod."
        ),
        "link": "displaced-families-zakarpattia-stay-or-return",
        "section": "ukraine",
        "pinned": False,
    },
    {
        "minutes_ago": 1230,
        "text": (
            "Kyiv metro will run extended evening services on two lines this weekend while work "
            "continues on a damaged section of surface track."
        ),
        "link": None,
        "section": None,
        "pinned": False,
    },
    {
        "minutes_ago": 1320,
        "text": (
            "Chernihiv region: the regional administration says it will publish a public map of "
            "surveyed, cleared and released land by the end of the month."
        ),
        "link": "chernihiv-deminers-return-farmland",
        "section": "ukraine",
        "pinned": False,
    },
    {
        "minutes_ago": 1420,
        "text": (
            "Kharkiv’s underground school will open an afternoon shift next week for about 600 "
            "more pupils. The city is adding school buses on two routes."
        ),
        "link": "kharkiv-underground-classrooms-afternoon-shift",
        "section": "news",
        "pinned": False,
    },
    {
        "minutes_ago": 1510,
        "text": (
            "Air-raid alert across eastern and central regions lifted after nearly four hours. "
            "Officials say most drones were shot down; <b>reports of damage are being checked</b>."
        ),
        "link": None,
        "section": "news",
        "pinned": False,
    },
    {
        "minutes_ago": 1600,
        "text": (
            "Moldova heads into winter with stronger power links to Romania, but households remain "
            "exposed to high prices, analysts in Chisinau say."
        ),
        "link": "moldova-winter-energy-interconnections",
        "section": "world",
        "pinned": False,
    },
    {
        "minutes_ago": 1690,
        "text": (
            "Repair crews have reopened the main line south of Kharkiv after replacing a section "
            "of rail and a catenary mast. Trains are running at reduced speed."
        ),
        "link": "railway-repair-crews-kharkiv-line",
        "section": "ukraine",
        "pinned": False,
    },
    {
        "minutes_ago": 1790,
        "text": (
            "Correction: an earlier item in this feed gave the wrong time for the reopening of the "
            "Kharkiv line. Trains resumed in the early afternoon, not the morning."
        ),
        "link": None,
        "section": None,
        "pinned": False,
    },
    {
        "minutes_ago": 1880,
        "text": (
            "Deminers have returned about 420 hectares of farmland to use around a village in "
            "Chernihiv region. Farmers nearby are still waiting for their turn."
        ),
        "link": "chernihiv-deminers-return-farmland",
        "section": "news",
        "pinned": False,
    },
    {
        "minutes_ago": 1975,
        "text": (
            "Explainer: why one damaged substation can darken a whole district, and why "
            "transformers take months to replace."
        ),
        "link": "how-ukraines-power-grid-works",
        "section": "explainers",
        "pinned": False,
    },
    {
        "minutes_ago": 2070,
        "text": (
            "Air-raid alert lifted in Sumy region after 50 minutes. Schools in the region will "
            "continue online lessons for the rest of the week, local authorities say."
        ),
        "link": None,
        "section": "ukraine",
        "pinned": False,
    },
    {
        "minutes_ago": 2180,
        "text": (
            "Small businesses report a cautious improvement in trade, according to a quarterly "
            "survey of 1,200 owners. Power outages remain their top concern."
        ),
        "link": "small-businesses-survey-cautious-improvement",
        "section": "news",
        "pinned": False,
    },
    {
        "minutes_ago": 2300,
        "text": (
            "The Morning Brief newsletter now arrives half an hour earlier, at 7 a.m. Sign up on "
            "our newsletters page to get it in your inbox."
        ),
        "link": None,
        "section": None,
        "pinned": False,
    },
    {
        "minutes_ago": 2420,
        "text": (
            "Baltic municipalities are reviving civil-defence drills and asking residents to keep "
            "a 72-hour emergency kit at home."
        ),
        "link": "baltic-towns-revive-civil-defence-drills",
        "section": "world",
        "pinned": False,
    },
    {
        "minutes_ago": 2540,
        "text": (
            "Power restored in parts of Zaporizhzhia region after an overnight outage; crews are "
            "still working on distribution lines in several villages."
        ),
        "link": None,
        "section": "ukraine",
        "pinned": False,
    },
    {
        "minutes_ago": 2690,
        "text": (
            "The Lviv drama theatre’s new play “The Inventory” has added three performances after "
            "the first week sold out."
        ),
        "link": "lviv-theatre-season-new-play",
        "section": "ukraine",
        "pinned": False,
    },
    {
        "minutes_ago": 2835,
        "text": (
            "Good morning. Today on The Meridian Ledger: grain exports, Kharkiv’s schools and what "
            "EU ministers will discuss in Brussels. <b>The Morning Brief</b> is out now."
        ),
        "link": None,
        "section": None,
        "pinned": False,
    },
]

NEWSLETTERS = [
    {
        "slug": "morning-brief",
        "name": "The Morning Brief",
        "description": (
            "The stories you need to start the day, with context from our reporters in Kyiv, "
            "Kharkiv and Brussels. Five minutes, no noise."
        ),
        "cadence": "Every weekday at 7 a.m.",
        "host": None,
        "sender_name": "The Meridian Ledger",
    },
    {
        "slug": "the-explainer",
        "name": "The Explainer",
        "description": (
            "One complicated subject untangled in plain language each week, with the numbers that "
            "matter and answers to questions readers send us."
        ),
        "cadence": "Every Friday at noon",
        "host": "andriy-lysenko",
        "sender_name": "Andriy Lysenko at The Meridian Ledger",
    },
    {
        "slug": "letter-from-brussels",
        "name": "Letter from Brussels",
        "description": (
            "What Europe’s capitals are deciding about Ukraine — accession, energy, trade, "
            "security — and why it matters at home."
        ),
        "cadence": "Every Tuesday evening",
        "host": "daniel-okafor",
        "sender_name": "Daniel Okafor at The Meridian Ledger",
    },
]

# Pronunciation hints for text-to-speech. Every term appears in the articles.
LEXICON = [
    {
        "term": "Zaporizhzhia",
        "say": "za-po-RIZH-zhya",
    },
    {
        "term": "UNHCR",
        "say": "U N H C R",
    },
    {
        "term": "Kyiv",
        "say": "KEE-iv",
    },
    {
        "term": "Kharkiv",
        "say": "KHAR-kiv",
    },
    {
        "term": "Chernihiv",
        "say": "cher-NEE-hiv",
    },
    {
        "term": "Mykolaiv",
        "say": "mi-ko-LA-yiv",
    },
    {
        "term": "Uzhhorod",
        "say": "OOZH-ho-rod",
    },
    {
        "term": "Zakarpattia",
        "say": "za-kar-PAT-tya",
    },
    {
        "term": "Ukrenergo",
        "say": "oo-kre-NER-ho",
    },
    {
        "term": "hryvnia",
        "say": "HRIV-nya",
    },
]
