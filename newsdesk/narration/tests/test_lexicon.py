from newsdesk.narration.lexicon import Lexicon, find_term, spoken_form


def test_it_replaces_whole_words_only():
    lexicon = Lexicon([("Kyiv", "KEE-iv")])
    assert lexicon.apply("Kyiv and Kyiv's mayor, not Kyivstar.") == (
        "keeiv and keeiv's mayor, not Kyivstar."
    )


def test_it_matches_capitalised_terms_exactly_and_lowercase_terms_in_any_case():
    lexicon = Lexicon([("US", "U S"), ("hryvnia", "HRIV-nya")])
    assert lexicon.apply("The US told us. Hryvnia and HRYVNIA and hryvnia.") == (
        "The U S told us. hrivnya and hrivnya and hrivnya."
    )


def test_it_prefers_the_longest_term():
    lexicon = Lexicon([("Zaporizhzhia", "za-po-RIZH-zhya"), ("Zaporizhzhia oblast", "region")])
    assert lexicon.apply("Zaporizhzhia oblast and Zaporizhzhia.") == "region and zaporizhzhya."


def test_it_turns_respellings_into_words_the_voice_reads():
    assert spoken_form("KEE-iv") == "keeiv"
    assert spoken_form("U N H C R") == "U N H C R"
    assert spoken_form("  cher-NEE-hiv   region ") == "cherneehiv region"


def test_it_finds_terms_as_the_lexicon_matches_them():
    assert find_term("Kyiv", "In Kyiv today")
    assert not find_term("Kyiv", "Kyivstar")
    assert not find_term("US", "told us")
    assert find_term("hryvnia", "HRYVNIA")


def test_it_leaves_text_alone_without_entries():
    assert Lexicon([]).apply("Kyiv") == "Kyiv"
    assert not Lexicon([])
