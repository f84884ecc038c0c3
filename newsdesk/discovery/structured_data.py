"""What pages tell search engines and social networks: JSON-LD, Open Graph, Twitter cards.

Builders return plain dicts and lists; the template tags in `discovery_tags` print them. Nothing
here queries the database beyond what the page already fetched (authors, tags, corrections and the
lead photo's renditions are prefetched by the article page).
"""

import json

from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from newsdesk.discovery.links import absolute, page_url, publisher_logo

SCHEMA = "https://schema.org"
# Google asks for article images in these three shapes, each at least 1,200 px wide (for Discover).
ARTICLE_IMAGE_SPECS = {
    "16x9": "fill-1200x675|format-jpeg",
    "4x3": "fill-1200x900|format-jpeg",
    "1x1": "fill-1200x1200|format-jpeg",
}
SHARE_IMAGE_SPEC = ARTICLE_IMAGE_SPECS["16x9"]
PORTRAIT_SPEC = "fill-400x400|format-jpeg"
HEADLINE_LIMIT = 110
# Where a members-only story's rest goes on its page (members/members_body.html).
MEMBERS_ONLY_SELECTOR = ".members-body"
# json.dumps leaves these as they are; in a <script> they could end it or open a comment.
JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld(data):
    """`data` as a JSON-LD script element that no string inside it can break out of."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(JSON_ESCAPES)
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


def iso(value):
    return value.isoformat() if value else None


def compact(data):
    """`data` without empty values, so no property is printed with nothing in it."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def site_name():
    return settings.WAGTAIL_SITE_NAME


def publisher():
    url, width, height = publisher_logo()
    return {
        "@type": "NewsMediaOrganization",
        "name": site_name(),
        "url": absolute("/"),
        "logo": compact({"@type": "ImageObject", "url": url, "width": width, "height": height}),
    }


def website():
    return {"@type": "WebSite", "name": site_name(), "url": absolute("/")}


def person(author):
    return compact(
        {
            "@type": "Person",
            "name": author.localized_name,
            "url": absolute(author.get_absolute_url()),
            "jobTitle": author.localized_role,
        }
    )


def article_images(article):
    """The lead photo in the three shapes: {ratio: rendition}, or {} without a photo."""
    if not article.lead_image:
        return {}
    renditions = article.lead_image.get_renditions(*ARTICLE_IMAGE_SPECS.values())
    return {ratio: renditions[spec] for ratio, spec in ARTICLE_IMAGE_SPECS.items()}


def date_modified(article):
    corrections = [c.date for c in article.corrections.all()]
    dates = [d for d in (article.published_at, article.text_updated_at, *corrections) if d]
    return max(dates, default=None)


def news_article(article, request=None):
    url = page_url(article, request)
    images = article_images(article)
    section = article.section
    return compact(
        {
            "@context": SCHEMA,
            "@type": "NewsArticle",
            "@id": f"{url}#article",
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "url": url,
            "headline": article.title[:HEADLINE_LIMIT],
            "description": article.search_description or article.standfirst,
            "image": [absolute(rendition.url) for rendition in images.values()],
            "datePublished": iso(article.published_at),
            "dateModified": iso(date_modified(article)),
            "author": [person(author) for author in article.authors],
            "publisher": publisher(),
            "articleSection": section.title if section else None,
            "keywords": [tag.name for tag in article.tags.all()],
            "wordCount": article.word_count or None,
            "inLanguage": article.locale.language_code,
            "isAccessibleForFree": not article.members_only,
            # Google's markup for paywalled content: which part members alone get.
            "hasPart": (
                {
                    "@type": "WebPageElement",
                    "isAccessibleForFree": False,
                    "cssSelector": MEMBERS_ONLY_SELECTOR,
                }
                if article.members_only
                else None
            ),
            "correction": [
                compact(
                    {
                        "@type": "CorrectionComment",
                        "text": correction.text,
                        "datePublished": iso(correction.date),
                    }
                )
                for correction in article.corrections.all()
            ],
        }
    )


def article_meta(article, request=None):
    """Open Graph (`property`) and Twitter (`name`) tags of an article page."""
    url = page_url(article, request)
    title = article.seo_title or article.title
    description = article.search_description or article.standfirst
    share = article_images(article).get("16x9")
    og = [
        ("og:type", "article"),
        ("og:site_name", site_name()),
        ("og:title", title),
        ("og:description", description),
        ("og:url", url),
        ("article:published_time", iso(article.published_at)),
        ("article:modified_time", iso(date_modified(article))),
        ("article:section", article.section.title if article.section else None),
    ]
    og += [("article:author", absolute(a.get_absolute_url())) for a in article.authors]
    og += [("article:tag", tag.name) for tag in article.tags.all()]
    og += image_properties(share, article.lead_image)
    twitter = twitter_card(title, description, share, article.lead_image)
    return meta_lists(og, twitter)


def image_properties(rendition, image):
    if rendition is None:
        url, width, height = publisher_logo()
        return [("og:image", url), ("og:image:width", width), ("og:image:height", height)]
    return [
        ("og:image", absolute(rendition.url)),
        ("og:image:width", rendition.width),
        ("og:image:height", rendition.height),
        ("og:image:alt", image.default_alt_text),
    ]


def twitter_card(title, description, rendition, image):
    tags = [
        ("twitter:card", "summary_large_image" if rendition else "summary"),
        ("twitter:title", title),
        ("twitter:description", description),
    ]
    if rendition is not None:
        tags += [
            ("twitter:image", absolute(rendition.url)),
            ("twitter:image:alt", image.default_alt_text),
        ]
    return tags


def meta_lists(og, twitter):
    return {
        "og": [(key, value) for key, value in og if value not in (None, "")],
        "twitter": [(key, value) for key, value in twitter if value not in (None, "")],
    }


def listing_meta(*, title, description, url, og_type="website", rendition=None, image=None):
    og = [
        ("og:type", og_type),
        ("og:site_name", site_name()),
        ("og:title", title),
        ("og:description", description),
        ("og:url", url),
    ]
    og += image_properties(rendition, image)
    return meta_lists(og, twitter_card(title, description, rendition, image))


def item_list(articles, request=None):
    return {
        "@type": "ItemList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "url": page_url(article, request)}
            for position, article in enumerate(articles, start=1)
        ],
    }


def collection_page(*, name, description, url, articles, request=None):
    return compact(
        {
            "@context": SCHEMA,
            "@type": "CollectionPage",
            "name": name,
            "description": description,
            "url": url,
            "isPartOf": website(),
            "publisher": publisher(),
            "mainEntity": item_list(articles, request) if articles else None,
        }
    )


def author_portrait(author):
    return author.photo.get_rendition(PORTRAIT_SPEC) if author.photo else None


def profile_page(author, url, portrait=None):
    return {
        "@context": SCHEMA,
        "@type": "ProfilePage",
        "url": url,
        "isPartOf": website(),
        "mainEntity": compact(
            {
                **person(author),
                "description": author.localized_bio,
                "image": absolute(portrait.url) if portrait else None,
                "worksFor": {"@type": "NewsMediaOrganization", "name": site_name()},
            }
        ),
    }


def home_page(url):
    search = {
        "@type": "SearchAction",
        "target": {
            "@type": "EntryPoint",
            "urlTemplate": absolute(reverse("search")) + "?q={search_term}",
        },
        "query-input": "required name=search_term",
    }
    return {
        "@context": SCHEMA,
        "@graph": [
            {**website(), "@id": f"{url}#website", "potentialAction": search},
            {**publisher(), "@id": f"{url}#publisher"},
        ],
    }
