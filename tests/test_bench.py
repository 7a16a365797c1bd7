"""The meeting benchmark scores pairs the way the gold's guide defines them."""

from kg.bench.meetings import Score, fold, gold_pairs, score_article

GOLD = {"meetings": [
    {"status": "held", "participants": [
        {"name": "Luiz Inácio Lula da Silva", "aliases": ["Lula"], "type": "person"},
        {"name": "Alvaro Uribe", "aliases": [], "type": "person"},
        {"name": "Colombia", "aliases": [], "type": "country"}]},
    {"status": "planned", "participants": [
        {"name": "Lula", "type": "person"}, {"name": "Hugo Chavez", "type": "person"}]},
]}


def test_gold_pairs_are_people_in_held_meetings():
    pairs = gold_pairs(GOLD)
    assert [(a[0], b[0]) for a, b in pairs] == [(fold("Luiz Inácio Lula da Silva"), fold("Alvaro Uribe"))]


def test_short_names_match_and_each_gold_pair_counts_once():
    false_positives, matched, missed = score_article({("Lula", "Uribe"), ("Lula", "President Uribe's")},
                                                     gold_pairs(GOLD))
    assert matched == [0] and missed == [] and len(false_positives) == 1
    assert Score(1, 1, 0).precision == 0.5 and Score(1, 1, 0).recall == 1.0
