from django.shortcuts import get_object_or_404, render
from taggit.models import Tag

from newsdesk.articles.models import ArticlePage, attach_sections
from newsdesk.articles.querysets import paginate
from newsdesk.core.editions import active_language, sort_key
from newsdesk.people.models import Author


def author_index(request):
    authors = Author.objects.select_related("photo").prefetch_related("photo__renditions")
    # In the edition's alphabet: "Ірина" after "Андрій" on the Ukrainian page.
    language = active_language()
    authors = sorted(authors, key=lambda author: sort_key(author.localized_name, language))
    return render(request, "people/author_index.html", {"authors": authors})


def author_page(request, slug):
    author = get_object_or_404(
        Author.objects.select_related("photo").prefetch_related("photo__renditions"), slug=slug
    )
    articles = paginate(
        request,
        ArticlePage.objects.for_listing().in_edition().filter(article_authors__author=author),
    )
    attach_sections(articles.object_list)
    return render(
        request,
        "people/author_page.html",
        {"author": author, "articles": articles, "userbar_object": author},
    )


def tag_page(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    articles = paginate(request, ArticlePage.objects.for_listing().in_edition().filter(tags=tag))
    if not articles.object_list:
        # A tag no published article carries is not a page readers should find.
        return render(request, "404.html", status=404)
    attach_sections(articles.object_list)
    return render(request, "articles/tag_page.html", {"tag": tag, "articles": articles})
