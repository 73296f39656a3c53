"""Stance: cue class, negation, denial and hedging, on attributions placed by hand."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from accordingto import lexicon
from accordingto.annotations import STANCE, role_spans
from accordingto.describe.stance import Stance, describe_stance
from handspans import example_doc, make_doc


def stance(text: str, cue: Any, content: Any) -> dict[str, Any]:
    doc = make_doc(text, [{"cue": cue, "content": content}])
    roles = role_spans(doc)["a1"]
    return dataclasses.asdict(describe_stance(roles["cue"], roles["content"]))


# (text, cue, content, expected subset of the stance)
CASES: list[tuple[str, Any, Any, dict[str, Any]]] = [
    ("He said the plan failed.", "said", "the plan failed", {"cue_class": "neutral", "negated": False}),
    ("He told reporters the plan failed.", "told", "the plan failed", {"cue_class": "neutral"}),
    ("She insisted the plan worked.", "insisted", "the plan worked", {"cue_class": "emphatic"}),
    ("He boasted that troops advance.", "boasted", "that troops advance", {"cue_class": "emphatic"}),
    ("They believe the plan failed.", "believe", "the plan failed", {"cue_class": "belief"}),
    ("Putin sees a favorable moment.", "sees", "a favorable moment", {"cue_class": "belief"}),
    (
        "The ministry denied that troops crossed.",
        "denied",
        "that troops crossed",
        {"cue_class": "denial", "denial": True},
    ),
    ("Kyiv rejected the claim.", "rejected", "the claim", {"cue_class": "denial", "denial": True}),
    (
        "Putin is making it clear that he is ready.",
        "making it clear",
        "that he is ready",
        {"cue_class": "signal"},
    ),
    ("Putin has signaled his openness.", "signaled", "his openness", {"cue_class": "signal"}),
    ("According to Reuters, the plan failed.", "According to", "the plan failed", {"cue_class": "report"}),
    ("This is reported by the New York Times.", "is reported by", "This", {"cue_class": "report"}),
    ("Putin wants to negotiate.", "wants", "to negotiate", {"cue_class": "intention"}),
    (
        "Putin is ready to negotiate.",
        "is ready",
        "to negotiate",
        {"cue_class": "intention", "negated": False},
    ),
    (
        "Reporters asked whether the plan failed.",
        "asked",
        "whether the plan failed",
        {"cue_class": "question"},
    ),
    ("Smith criticized the plan.", "criticized", "the plan", {"cue_class": "evaluation"}),
    ("Smith is hoping to win.", "is hoping", "to win", {"cue_class": "intention"}),
    ("Smith: the plan failed.", ":", "the plan failed", {"cue_class": "neutral"}),
    ("Smith grumbled that the plan failed.", "grumbled", "that the plan failed", {"cue_class": "other"}),
    # Acts PolNeAR counts as attributions but that report no statement: marked so a user can leave them out.
    ("The council approved the budget.", "approved", "the budget", {"cue_class": "decision"}),
    ("She was named chief executive.", "was named", "chief executive", {"cue_class": "decision"}),
    ("The board decided to close the branch.", "decided", "to close the branch", {"cue_class": "decision"}),
    ("The judge ruled that the law stands.", "ruled", "that the law stands", {"cue_class": "decision"}),
    ("Witnesses heard two shots.", "heard", "two shots", {"cue_class": "perception"}),
    ("Neighbours watched the fire spread.", "watched", "the fire spread", {"cue_class": "perception"}),
    # A verb of saying in its act sense, told by what it takes instead of a clause (news14); with a clause it says.
    ("The governor declared a state of emergency.", "declared", "a state of emergency", {"cue_class": "decision"}),
    ("The firm declared bankruptcy in May.", "declared", "bankruptcy", {"cue_class": "decision"}),
    (
        "The governor declared that the crisis was over.",
        "declared",
        "that the crisis was over",
        {"cue_class": "emphatic"},
    ),
    ("The two unions agreed to end the strike.", "agreed", "to end the strike", {"cue_class": "decision"}),
    ("The doctors agreed that the ward was unsafe.", "agreed", "that the ward was unsafe", {"cue_class": "neutral"}),
    ("Monitors from the league observed the vote.", "observed", "the vote", {"cue_class": "perception"}),
    ("She observed that turnout was low.", "observed", "that turnout was low", {"cue_class": "neutral"}),
    ("The plan failed.", None, "The plan failed", {"cue_class": None, "negated": False}),
    # negation of the cue, not of the content
    ("He did not say the plan failed.", "did not say", "the plan failed", {"negated": True}),
    ("He never said the plan failed.", "said", "the plan failed", {"negated": True}),
    (
        "Putin is not ready to negotiate.",
        "is not ready",
        "to negotiate",
        {"cue_class": "intention", "negated": True},
    ),
    ("Nobody said the plan failed.", "said", "the plan failed", {"negated": True}),
    ("He sees no signs that Russia wants peace.", "sees", "that Russia wants peace", {"negated": True}),
    (
        "He sees no signs that Russia wants peace.",
        "sees",
        "no signs that Russia wants peace",
        {"negated": False},
    ),
    ("He said Russia does not want peace.", "said", "Russia does not want peace", {"negated": False}),
    # denial
    (
        "Peskov said that these theses are incorrect.",
        "said",
        "that these theses are incorrect",
        {"denial": True},
    ),
    ("He said the report was not true.", "said", "the report was not true", {"denial": True}),
    ("He called the claims baseless.", "called", "the claims baseless", {"denial": True}),
    (
        "The court rejected a request to unseal the file.",
        "rejected",
        "a request to unseal the file",
        {"cue_class": "decision", "denial": False},
    ),
    # Turning down a plan or an offer is a decision; rejecting a claim stays a denial.
    ("The council rejected two earlier plans.", "rejected", "two earlier plans", {"cue_class": "decision"}),
    ("The union rejected the pay offer.", "rejected", "the pay offer", {"cue_class": "decision", "denial": False}),
    (
        "The ministry rejected the claim that the dam leaked.",
        "rejected",
        "the claim that the dam leaked",
        {"cue_class": "denial", "denial": True},
    ),
    ("The ministry denied that troops crossed.", "denied", "that troops crossed", {"denial": True}),
    ("He called the charges fabricated.", "called", "the charges fabricated", {"denial": True}),
    ("Citing an unfounded theory, he said taxes rose.", "said", "taxes rose", {"denial": False}),
    (
        "He said the unfounded theory was popular.",
        "said",
        "the unfounded theory was popular",
        {"denial": False},
    ),
    ("She knew this foul talk was wrong.", "knew", "this foul talk was wrong", {"denial": False}),
    (
        "He did not deny the report.",
        "did not deny",
        "the report",
        {"cue_class": "denial", "negated": True, "denial": False},
    ),
    ("He said the plan failed.", "said", "the plan failed", {"denial": False}),
    # hedging
    (
        "Officials say this may be a misleading attempt.",
        "say",
        "this may be a misleading attempt",
        {"hedged": True},
    ),
    (
        "They add that Putin may well change his mind.",
        "add",
        "that Putin may well change his mind",
        {"hedged": True},
    ),
    (
        "He said the fighting appears to be stalemated.",
        "said",
        "the fighting appears to be stalemated",
        {"hedged": True},
    ),
    ("He said the plan had possibly failed.", "said", "the plan had possibly failed", {"hedged": True}),
    ("He reportedly said the plan failed.", "said", "the plan failed", {"hedged": True}),
    ("She said he paid so he could ogle her.", "said", "he paid so he could ogle her", {"hedged": False}),
    ("He said likely voters back Clinton.", "said", "likely voters back Clinton", {"hedged": False}),
    ("He said Clinton will likely win.", "said", "Clinton will likely win", {"hedged": True}),
    ("The Kremlin said May was a good month.", "said", "May was a good month", {"hedged": False}),
    ("He said the plan failed.", "said", "the plan failed", {"hedged": False}),
]


@pytest.mark.parametrize(("text", "cue", "content", "expected"), CASES, ids=[f"{c[0]} [{c[1]}]" for c in CASES])
def test_stance(text: str, cue: Any, content: Any, expected: dict[str, Any]) -> None:
    found = stance(text, cue, content)
    assert {key: found[key] for key in expected} == expected


# (text, cue, content, hypothetical): a saying that did not take place, one rule after another, then statements that
# were made, which must stay unflagged.
HYPOTHETICAL: list[tuple[str, Any, Any, bool]] = [
    # An instruction: a subjectless base form heading its sentence, adverbs or "do not" before it allowed.
    ("Simply say that you need more time.", "say", "that you need more time", True),
    ("Tell your manager you are ill.", "Tell", "you are ill", True),
    ("Just tell them the truth.", "tell", "the truth", True),
    ("Do not argue the point.", "argue", "the point", True),
    ("If she asks, say you were busy.", "say", "you were busy", True),
    ("“Tell them we are coming,” the captain shouted.", "Tell", "we are coming", True),  # an order, quoted
    # A condition or an indirect question: the cue's verb, or the verb it is the infinitive of.
    ("If she says no, leave it.", "says", "no", True),
    ("Unless the mayor admits the error, the vote goes ahead.", "admits", "the error", True),
    ("If you want to tell him the truth, do it now.", "tell", "the truth", True),
    ("Nobody knows whether they wanted a second vote.", "wanted", "a second vote", True),
    ("In case anyone asks, the shop closes early.", "asks", None, True),
    # A modal of possibility, wish or duty on the cue itself.
    ("He could argue that the deal is fair.", "argue", "that the deal is fair", True),
    ("Any sensible parent would say the rule is fair.", "say", "the rule is fair", True),
    ("Critics might claim the vote was rigged.", "claim", "the vote was rigged", True),
    ("You should tell the landlord the boiler is broken.", "tell", "the boiler is broken", True),
    # A yes-no question about the act.
    ("Did the minister say the plan failed?", "say", "the plan failed", True),
    ("Would you say that the plan failed?", "say", "that the plan failed", True),
    # A wish, plan, offer or threat to say.
    ("She wants to claim the prize was hers.", "claim", "the prize was hers", True),
    ("The union threatened to reveal the memo.", "reveal", "the memo", True),
    # Anyone at all as the speaker.
    ("Anyone who claims otherwise is wrong.", "claims", "otherwise", True),
    ("Whoever says that is mistaken.", "says", "that", True),
    ("Any official who denies it is lying.", "denies", "it", True),
    ("Anyone who saw the fire is asked to call the police.", "is asked", "to call the police", False),  # hearer
    # Made: past and present, a prediction of prepared remarks, a modal inside the content.
    ("He said the plan failed.", "said", "the plan failed", False),
    ("She says the plan failed.", "says", "the plan failed", False),
    ("The president will say in a speech on Monday that the war is over.", "will say", "that the war is over", False),
    ("He said he would resign.", "said", "he would resign", False),
    (
        "She told reporters that if the bill fails she will resign.",
        "told",
        "that if the bill fails she will resign",
        False,
    ),
    ("Police said anyone with information should call.", "said", "anyone with information should call", False),
    # "would" of narration, a negated modal (a refusal), "could" of a perception, trying, a prediction.
    ("He would later say that the plan failed.", "say", "that the plan failed", False),
    ("He would not say whether the plan failed.", "say", "whether the plan failed", False),
    ("She could hear shouting from the yard.", "hear", "shouting from the yard", False),
    ("He tried to explain that the delay was short.", "explain", "that the delay was short", False),
    ("The minister is expected to announce the cuts.", "announce", "the cuts", False),
    # A polite wish is a real one; "would only say" reports a refusal to say more; "even if" concedes.
    ("The coach would like to see more effort.", "would like", "to see more effort", False),
    ("Many voters would rather see a new leader.", "would rather see", "a new leader", False),
    ("The senator would only say that talks continue.", "say", "that talks continue", False),
    ("Even if she denied the deal, the papers were signed.", "denied", "the deal", False),
    ("Even in the case of a conviction, lawyers said jail was rare.", "said", "jail was rare", False),
    # A subject the parser misses is no imperative: an order takes "do", never "did" or "does".
    # ("Early" read as an adverb).
    ("Early, who was elected in 2012, doesn’t see the agency as outdated.", "see", "the agency as outdated", False),
    # A wh-question takes the saying for granted; a quotation's speaker is real.
    ("What did the minister say about pensions?", "say", "about pensions", False),
    ("“Tell them we are coming,” the captain shouted.", "shouted", "“Tell them we are coming,”", False),
    ("Without a cue: the plan failed.", None, "the plan failed", False),
]


@pytest.mark.parametrize(
    ("text", "cue", "content", "expected"), HYPOTHETICAL, ids=[f"{c[0]} [{c[1]}]" for c in HYPOTHETICAL]
)
def test_hypothetical(text: str, cue: Any, content: Any, expected: bool) -> None:
    assert stance(text, cue, content)["hypothetical"] is expected


def test_hypothetical_is_apart_from_negated_and_hedged() -> None:
    """A hypothetical says nothing of the content's hedging, and a negation of its own is still reported."""
    found = stance("Would he not claim the plan may fail?", "claim", "the plan may fail")
    assert (found["hypothetical"], found["negated"], found["hedged"]) == (True, True, True)
    found = stance("If she says the plan may fail, leave it.", "says", "the plan may fail")
    assert (found["hypothetical"], found["negated"], found["hedged"]) == (True, False, True)
    found = stance("He did not say the plan failed.", "say", "the plan failed")
    assert (found["hypothetical"], found["negated"]) == (False, True)


def test_lexicon_lists_each_cue_word_once() -> None:
    words = [word for words in lexicon.CUE_CLASSES.values() for word in words]
    assert len(words) == len(set(words))


def test_component_on_doc_without_attributions() -> None:
    doc = make_doc("The sky was blue.")
    Stance(None, "accordingto_stance")(doc)  # type: ignore[arg-type]
    assert STANCE.require(doc) == {}


def test_example_article() -> None:
    doc = example_doc()
    Stance(None, "accordingto_stance")(doc)  # type: ignore[arg-type]
    stances = STANCE.require(doc)
    info = {aid: stances[aid] for aid in ("a1", "a3", "a5", "a7", "a15", "a21", "a22", "a27")}
    assert [info[aid].cue_class for aid in info] == [
        "report",
        "report",
        "emphatic",
        "signal",
        "neutral",
        "neutral",
        "emphatic",
        "belief",
    ]
    assert info["a21"].denial is True  # "conceptually, these theses you presented are incorrect"
    assert info["a15"].hedged is True  # "this may be a misleading attempt"
    assert len(stances) == 27 and not any(record.negated for record in stances.values())
    assert not any(record.hypothetical for record in stances.values())  # a news report: every saying took place
