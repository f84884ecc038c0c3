"""The demo's data files read into what the loader expects (no database needed)."""

from newsdesk.demo import content

ARTICLE = """+++
slug = "bridge"
section = "news"
headline = "The bridge reopens"
standfirst = "After repairs."
authors = ["olena-marchuk"]
tags = ["transport"]
hours_ago = 3.0

[images."Bridge at dawn"]
alt = "A bridge."
caption = "The bridge."
credit = "A. Photographer / Agency"
motif = "river"
seed = 7
+++

Traffic is back on **both** lanes, [the city says](https://example.org/).
The second line of the same paragraph.

## What changed

> We worked at night.
>
> — An engineer

> Unattributed words.

![Bridge at dawn]

[related: another-story]

[newsletter: Stories like this, every morning]
"""


def test_it_reads_an_article_from_markdown_with_front_matter(tmp_path):
    path = tmp_path / "01-bridge.md"
    path.write_text(ARTICLE, encoding="utf-8")
    spec = content.article(path)
    assert spec["slug"] == "bridge" and spec["hours_ago"] == 3.0
    assert spec["lead_image"] is None and spec["corrections"] == []
    assert spec["updated_hours_ago"] is None
    assert spec["body"] == [
        (
            "paragraph",
            'Traffic is back on <b>both</b> lanes, <a href="https://example.org/">the city '
            "says</a>. The second line of the same paragraph.",
        ),
        ("heading", "What changed"),
        ("quote", {"text": "We worked at night.", "attribution": "An engineer"}),
        ("quote", {"text": "Unattributed words.", "attribution": ""}),
        (
            "image",
            {
                "title": "Bridge at dawn",
                "alt": "A bridge.",
                "caption": "The bridge.",
                "credit": "A. Photographer / Agency",
                "motif": "river",
                "seed": 7,
            },
        ),
        ("related", "another-story"),
        ("newsletter", "Stories like this, every morning"),
    ]


def test_every_reference_in_the_demo_data_resolves():
    slugs = {spec["slug"] for spec in content.ARTICLES}
    sections = {spec["slug"] for spec in content.SECTIONS}
    authors = {spec["slug"] for spec in content.AUTHORS}
    assert len(slugs) == len(content.ARTICLES)
    for spec in content.ARTICLES:
        assert spec["section"] in sections and set(spec["authors"]) <= authors
        assert {value for kind, value in spec["body"] if kind == "related"} <= slugs
    home = content.HOME
    assert {home["lead"], home["featured"]["slug"], *home["top_stories"]} <= slugs
    assert set(home["editors_picks"]) <= slugs
    assert {u["article"] for u in content.FEED if u.get("article")} <= slugs
    assert {n["host"] for n in content.NEWSLETTERS if n.get("host")} <= authors
