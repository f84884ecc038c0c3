""" "Translate" in the admin: a draft in the other edition, linked by translation_key, with the
English article's photo, authors, section (its translation) and tags; and the report of
articles that an edition lacks."""

import pytest
from wagtail.models import Locale

from newsdesk.articles.models import ArticlePage
from newsdesk.conftest import make_article, make_author, make_image, make_user

pytestmark = pytest.mark.django_db


def test_an_editor_translates_an_article_keeping_photo_authors_section_and_tags(
    client, django_user_model, section, uk_section
):
    author = make_author("Olena Marchuk")
    english = make_article(
        section, title="Grain ships", authors=[author], tags=["grain"], lead_image=make_image()
    )
    client.force_login(make_user(django_user_model, "editor", "Editors"))
    uk = Locale.objects.get(language_code="uk")
    response = client.post(f"/admin/translation/submit/page/{english.pk}/", {"locales": [uk.pk]})
    assert response.status_code == 302
    draft = ArticlePage.objects.get(locale=uk)
    assert draft.translation_key == english.translation_key
    assert not draft.live
    assert draft.get_parent().pk == uk_section.pk
    assert draft.lead_image_id == english.lead_image_id
    assert [link.author for link in draft.article_authors.all()] == [author]
    assert list(draft.tags.names()) == ["grain"]


def test_the_admin_lists_articles_missing_a_translation(client, superuser, section, uk_section):
    lonely = make_article(section, title="Only in English")
    translated = make_article(section, title="In both editions")
    copy = translated.copy_for_translation(uk_section.locale)
    copy.save_revision().publish()
    client.force_login(superuser)
    html = client.get("/admin/reports/missing-translations/").content.decode()
    assert "Only in English" in html and "In both editions" not in html
    assert lonely.pk
