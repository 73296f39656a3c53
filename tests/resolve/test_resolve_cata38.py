"""A description before the name (cata38): the headline's or lede's description of a participant joined, by one
rule, to the participant the story then names.

News ledes are an inverted pyramid: they say what happened and to whom by kind ("A weather presenter who is
suing …", "…, the terminal's operator said", "The insurers of a trawler …") and name the participant in the
paragraphs after them. The description joins the one participant of its kind named after it that the text calls
by the description's head, else the one the story introduces as it begins: first named in the nearest paragraph
after the lede that names one of its kind (past a byline, and not counting a headline that named it), a person
only with what identifies them (an age, an apposition, a relative clause), and not called another kind of thing.
A plural description ("the insurers") joins only a body whose name says it is one; a word that sets it apart
("a former chairman") only one the text calls so too. Later definite mentions ("The presenter said") follow it.

Every sentence here is written for these tests. Each case runs with the rules alone and with the pipeline's
strategy (the learned resolver asked where the rules find no antecedent)."""

from __future__ import annotations

import pytest

from handspans import resolved_sources, same_speaker

JOINED = [
    pytest.param(
        "Weather presenter tells tribunal she was taken off air\n\nBy Tomas Reyes, Media Correspondent\n\nA weather "
        "presenter who is suing a regional broadcaster told an employment tribunal on Monday that she had been "
        "dropped without warning.\n\nMarisol Quennell-Ayre, 52, who read the forecast on Westmoor Tonight for a "
        "decade, said she had never been given a reason.\n\nThe presenter said the station had ignored her "
        "letters.",
        ["A weather presenter", "Marisol Quennell-Ayre, 52, who read", "The presenter"],
        [("a1", "a2"), ("a3", "a2")],
        id="a-person-introduced-with-an-age-after-a-byline",
    ),
    pytest.param(
        "The terminal's operator said a crane driver was hurt when a gantry fell at Saltmere docks on Friday.\n\n"
        "The driver, a man in his forties, was taken to hospital in Tarrow.\n\nOrrin Quay Holdings, which runs the "
        "terminal, said work had stopped at every berth.",
        ["The terminal's operator", "Orrin Quay Holdings"],
        [("a1", "a2")],
        id="a-bodys-noun-named-two-paragraphs-down",
    ),
    pytest.param(
        "The insurers of a fishing trawler that sank in March are refusing to pay for its salvage, saying the tow "
        "was never needed.\n\nThe trawler's insurer, the Westerly Marine Mutual Association, said on Friday that "
        "it would go to arbitration.",
        ["The insurers of a fishing trawler", "the Westerly Marine Mutual Association"],
        [("a1", "a2")],
        id="a-plural-body-called-by-its-head",
    ),
    pytest.param(
        "A former chairman said the sacking of the manager was cruel.\n\nThe club's owner, Petra Vasko, said the "
        "board had acted properly.\n\nThe former chairman Anselm Rudd said he had been told nothing.",
        ["A former chairman", "The club's owner, Petra Vasko", "The former chairman Anselm Rudd"],
        [("a1", "a3")],
        id="a-former-holder-called-former-too",
    ),
    pytest.param(
        "A Leeds start-up has recalled its delivery robots, saying a sensor could fail in the rain.\n\nQuillfern "
        "Robotics said on Tuesday that no one had been hurt.",
        ["A Leeds start-up", "Quillfern Robotics"],
        [("a1", "a2")],
        id="a-hyphenated-kind-of-body",
    ),
    pytest.param(
        "Marrow Vale Railway Company apologises for cancelled trains\n\nPassengers faced a third day of delays, "
        "with the operator admitting that it had too few drivers.\n\nThe Marrow Vale Railway Company said 90 "
        "services had been cancelled.",
        ["the operator", "The Marrow Vale Railway Company"],
        [("a1", "a2")],
        id="a-body-the-headline-named-first",
    ),
    pytest.param(
        "The telescope was lost in a fire. The consortium that commissioned the telescope, the Baltic Organisation "
        "for Marine Forecasting, said the instrument was insured.\n\nThe Baltic Organisation for Marine "
        "Forecasting added that it would build another.",
        [
            "The consortium that commissioned the telescope, the Baltic Organisation for Marine Forecasting",
            "The Baltic Organisation for Marine Forecasting",
        ],
        [("a1", "a2")],
        id="a-name-in-apposition-after-a-relative-clause",
    ),
]

APART = [
    pytest.param(
        "A television presenter told a tribunal she had been dropped without warning.\n\nIlse Margrave, 44, who "
        "hosts a quiz show, said the channel had acted lawfully. Dorothea Penn, 39, who produced the programme, "
        "said the decision was made in London.\n\nThe presenter said she would appeal.",
        ["A television presenter", "Ilse Margrave, 44, who hosts", "Dorothea Penn, 39, who produced"],
        id="two-people-introduced-next",
    ),
    pytest.param(
        "A nurse who was struck off has won her appeal, saying the hearing was unfair.\n\nThe ward's manager, "
        "Helga Brandt, said the trust accepted the ruling.",
        ["A nurse who was struck off", "The ward's manager, Helga Brandt"],
        id="a-person-called-another-role",
    ),
    pytest.param(
        "A lorry driver said the bypass had flooded overnight.\n\nHarwick Council said crews had cleared the "
        "drains by noon.\n\nThe lorry driver said he had waited for five hours.",
        ["A lorry driver", "Harwick Council"],
        id="a-person-never-named",
    ),
    pytest.param(
        "Selectors defend squad\n\nThe selectors said the squad was the strongest available.\n\nThe chief "
        "selector, Owen Brack, said two places had been close.",
        ["The selectors", "The chief selector, Owen Brack"],
        id="a-group-of-people-is-no-one-person",
    ),
    pytest.param(
        "An inspection found that half of the fire doors failed basic checks.\n\nWestfold Homes said every door "
        "would be replaced.",
        ["An inspection", "Westfold Homes"],
        id="a-thing-is-no-body",
    ),
]


@pytest.mark.parametrize(("text", "sources", "pairs"), JOINED)
@pytest.mark.parametrize("strategy", [{}, None], ids=["rules", "pipeline"])
def test_a_forward_description_joins_the_participant_named_after_it(
    text: str, sources: list[str], pairs: list[tuple[str, str]], strategy: dict[str, str] | None
) -> None:
    doc = resolved_sources(text, sources, strategy)
    assert all(same_speaker(doc, first, second) for first, second in pairs)


@pytest.mark.parametrize(("text", "sources"), APART)
@pytest.mark.parametrize("strategy", [{}, None], ids=["rules", "pipeline"])
def test_a_forward_description_the_text_does_not_tie_stays_apart(
    text: str, sources: list[str], strategy: dict[str, str] | None
) -> None:
    doc = resolved_sources(text, sources, strategy)
    assert not any(same_speaker(doc, "a1", f"a{n}") for n in range(2, len(sources) + 1))
