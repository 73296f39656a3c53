"""No invented statements: actions are not attributions, speech and belief are.

Sentences written for this test (no corpus wording). PolNeAR's guidelines exclude actions ("Lowell chased after
the bus") but include decrees, rulings, appointments, decisions and perceptions ("witnessing of facts"); those
are attributions in PolNeAR's sense but report nothing anyone said, so when the extractor finds them they must
carry a cue class of ``lexicon.ACTION_CUE_CLASSES`` (decision, perception, refusal) that lets a user leave them out.
Whom one writes to is not what one wrote, and a date after the cue says when, not what ("said on Tuesday it
would ...").
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from accordingto.annotations import analysis_from_doc
from accordingto.lexicon import ACTION_CUE_CLASSES as ACTION_CLASSES
from accordingto.model import Attribution


def attributions(nlp: Language, text: str) -> list[Attribution]:
    return analysis_from_doc(nlp(text)).attributions


# Plain actions: nothing here is said, thought, decided or perceived.
ACTIONS = [
    "The neighbours called the police shortly after midnight.",
    "Her brother called a taxi and left.",
    "The mayor walked to the podium and sat down.",
    "Firefighters chased the flames up the hill for hours.",
    "She opened the letter on Tuesday morning.",
    "Police arrested two men near the station on Sunday.",
    "The senator flew to Denver on Friday.",
    "He was taken to hospital with minor injuries.",
    "Volunteers handed out blankets at the shelter.",
    "The couple bought a small farm outside the town.",
    "The ministry was evacuated after the floods.",
    "She did not attend the funeral.",
    "The campaign bought television time in three states.",
    "Protesters blocked the road to the airport for two hours.",
    "The startup was acquired for an undisclosed sum.",
    "He signed the lease in the spring.",
    "Officials found the missing hikers near the river.",
    "Will the president sign the bill?",
    # A phone call whose object the small model reads as a predicate ("called [someone] chief executive"), or
    # with a day after "on", which is no "called on" someone.
    "The local MP called the water company's chief executive on Sunday.",
    "Her lawyer called the court's senior clerk twice last week.",
    "The coach called his assistant on Friday evening.",
    # "Recall" with people or a body as its object summons them back; it reports no memory.
    "Both governments recalled their ambassadors after the border clash.",
    "The president recalled the envoy to Lisbon in March.",
    "Nations recalled their diplomats from the capital.",
    # Whom one wrote to is the addressee, not what was written.
    "The senator later wrote to the transport secretary.",
    # An obituary headline: the relative clause says what the architect did, nobody said it.
    "Lars Eklund, architect who rebuilt a harbour town, dies at 90\n\nLars Eklund, the Swedish-born architect whose "
    "plans for the fire-damaged port of Eastholm became a model for coastal towns, died on Tuesday at his home in "
    "Oslo. He was 90.",
]

# Decisions, appointments and perceptions: PolNeAR may count them, but never as statements.
ACTS = [
    "The city council approved the new budget on Monday.",
    "She was named chief executive in March.",
    "The board decided to close two branches.",
    "The governor appointed a new health commissioner.",
    "Witnesses heard three loud bangs before the lights went out.",
    "The company hired forty engineers last year.",
    # A doctor's formal declaration: a decree by the guidelines, marked as one.
    "The driver was pronounced dead at the scene.",
    "The committee approved the spending bill late on Thursday.",
    "The judge sentenced him to five years in prison.",
    "The council voted to reopen the pool.",
    # Refusals: PolNeAR annotates "declined to comment", but nothing is said.
    "A spokesman for the airline declined to comment.",
    "The company declined to say how many staff had left.",
    "The striker refused to shake the referee's hand.",
    "She refused to say whether she would resign.",
]

# (text, a word of the source, a word of the content): speech and belief that must be found.
STATEMENTS = [
    ("The mayor said the library would reopen in May.", "mayor", "library"),
    ("“We will rebuild the bridge,” the minister told reporters.", "minister", "bridge"),
    ("Analysts believe that prices will fall next year.", "Analysts", "prices"),
    ("The union warned that a strike was likely.", "union", "strike"),
    ("According to the report, unemployment rose in April.", "report", "unemployment"),
    ("She denied that she had seen the documents.", "She", "documents"),
    ("The coach admitted the team had played badly.", "coach", "team"),
    ("Residents fear the factory will close.", "Residents", "factory"),
    ("The senator wants to cut taxes before the election.", "senator", "taxes"),
    # "call" with a second complement or "for" is speech, unlike "called the police".
    ("The governor called the plan a disaster.", "governor", "plan"),
    ("Teachers called for smaller classes.", "Teachers", "classes"),
    ("On Monday the mayor called on landlords to freeze rents.", "mayor", "rents"),
    ("The senator called the deal a betrayal on Tuesday.", "senator", "deal"),
    # Negated, inverted, "according to", a finding: still reports of what someone said or holds.
    ("The mayor said on Monday that the pool would reopen.", "mayor", "pool"),
    ("Doctors warned that the virus could spread quickly.", "Doctors", "virus"),
    ("“The bridge is safe,” an engineer told the newspaper.", "engineer", "bridge"),
    ("The company denied that it had misled investors.", "company", "investors"),
    ("The senator did not say whether she would run again.", "senator", "run"),
    ("The report found that the river was polluted.", "report", "river"),
    ("Some economists think the recession is over.", "economists", "recession"),
    ("The minister added that talks would resume next week.", "minister", "talks"),
    ("According to the coach, the team will travel on Friday.", "coach", "team"),
    ("Critics argued the law was unfair to tenants.", "Critics", "law"),
    # "Recall" of a memory, and saying to someone what one says, stay statements.
    ("She recalled that the river had flooded twice that year.", "She", "river"),
    ("The mayor wrote to residents that the bridge would close in June.", "mayor", "bridge"),
    ("The coach explained to reporters that the team was tired.", "coach", "team"),
    ('The minister wrote to the committee: "We will publish the figures."', "minister", "figures"),
]

# (text, the cue, how the content begins): a date after the cue is neither cue nor content; other phrases after it
# are left as the tagger found them.
BOUNDARIES = [
    ("The bank said on Tuesday it would close 40 branches.", "said", "it would close"),
    ("The minister said in 2019 that the tax would be temporary.", "said", "that the tax"),
    ("The club said on Saturday the coach had resigned.", "said", "the coach"),
    ("The firm said in a statement that profits had fallen.", "said in a statement", "that profits"),
]


@pytest.mark.parametrize("text", ACTIONS)
def test_an_action_is_not_an_attribution(nlp: Language, text: str) -> None:
    found = attributions(nlp, text)
    assert found == [], [(a.cue_text, a.content_text) for a in found]


@pytest.mark.parametrize("text", ACTS)
def test_a_decision_perception_or_refusal_is_marked_as_an_act(nlp: Language, text: str) -> None:
    for attribution in attributions(nlp, text):
        assert attribution.cue_class in ACTION_CLASSES, (attribution.cue_text, attribution.cue_class)


@pytest.mark.parametrize(("text", "source_word", "content_word"), STATEMENTS)
def test_speech_and_belief_are_attributions(nlp: Language, text: str, source_word: str, content_word: str) -> None:
    found = [
        a
        for a in attributions(nlp, text)
        if a.source_text and source_word in a.source_text and content_word in a.content_text
    ]
    assert found, [(a.source_text, a.cue_text, a.content_text) for a in attributions(nlp, text)]
    assert all(a.cue_class not in ACTION_CLASSES for a in found)


@pytest.mark.parametrize(("text", "cue", "content_start"), BOUNDARIES)
def test_a_date_after_the_cue_is_left_out(nlp: Language, text: str, cue: str, content_start: str) -> None:
    found = attributions(nlp, text)
    assert [(a.cue_text, a.content_text[: len(content_start)]) for a in found] == [(cue, content_start)]
