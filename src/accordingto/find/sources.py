"""Sources from the parse: the mention before "according to" that is content, the speaker after an inverted verb
("said the governor"), the subject of a cue the tagger left without a source, and a tagged source span read
against the cue's subject (an apposition without its name, a subject tagged as content, a span over the clause
before).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..clauses import CLAUSE_SUBJECT_DEPS, entity_span
from .cues import court_hears, cue_root, subject_phrases
from .groups import Group, drop_sources_over, keep_contents
from .tagging import RoleSpan


def according_to_names_its_source(doc: Doc, group: Group) -> None:
    """ "Putin, according to current and former officials, sees ...": "according to" names its source inside the
    phrase, so a mention tagged as source before the cue is the reported clause's subject: content."""
    if doc[group.cue.start].lower_ != "according" or not any(s.start >= group.cue.end for s in group.sources):
        return
    before = [s for s in group.sources if s.end <= group.cue.start]
    for span in before:
        group.sources.remove(span)
        group.contents.append(RoleSpan("CONTENT", span.start, span.end))
    group.contents.sort(key=lambda span: span.start)


def according_to_object(doc: Doc, group: Group) -> None:
    """ "Officials signed off the rules in January, according to documents released under ...": what "according to"
    governs is the source (PolNeAR's guidelines: the phrase names its source inside it), never what was said. Where
    the tagger took that object's phrase into a piece of content and the group has no source, the phrase becomes
    the source and what follows it in the piece stays content ("According to the annual reports, crime fell ...",
    tagged as one piece). news22: the documents were content, and the statement had no source."""
    if group.sources or doc[group.cue.start].lower_ != "according" or group.cue.end >= len(doc):
        return
    to = doc[group.cue.end - 1]
    governed = next((child for child in to.children if child.dep_ == "pobj"), None) if to.lower_ == "to" else None
    if governed is None:
        return
    end = governed.right_edge.i + 1
    piece = next((span for span in group.contents if span.start == group.cue.end and end <= span.end), None)
    if piece is None:
        return
    rest = end
    while rest < piece.end and (doc[rest].is_punct or doc[rest].is_space):
        rest += 1
    if rest < piece.end:
        piece.start = rest
    else:
        keep_contents(group, lambda span: span is not piece)
    group.sources.append(RoleSpan("SOURCE", group.cue.end, end))


# Prepositions that name a document's author ("a report by the charity", "a study from the institute").
AUTHOR_PREPOSITIONS = frozenset({"by", "from"})


def document_author(doc: Doc, group: Group) -> None:
    """ "…, according to a report by the conservation charity Clearwater Trust": where the cue took in the
    document ("according to a report") and the group has no source, the document with its author, named in its
    "by" or "from" phrase right after the cue, is the source, and the cue is "according to", as PolNeAR marks
    "according to a report from the SITE Intelligence Group". news14: the charity got no source, and its report's
    later "found" was listed under "charity". The tagger may have taken the author's phrase for a piece of
    content: it names who wrote, not what was written."""
    if group.sources or doc[group.cue.start].lower_ != "according":
        return
    document = doc[group.cue.end - 1]
    if document.pos_ != "NOUN" or group.cue.end >= len(doc) or doc[group.cue.end].head.i != document.i:
        return
    preposition = doc[group.cue.end]
    author = next((child for child in preposition.children if child.dep_ == "pobj"), None)
    if preposition.dep_ != "prep" or preposition.lower_ not in AUTHOR_PREPOSITIONS or author is None:
        return
    start, end = document.left_edge.i, author.right_edge.i + 1
    if start <= group.cue.start:
        return
    group.contents = [span for span in group.contents if not (preposition.i <= span.start and span.end <= end)]
    if any(span.start < end and start < span.end for span in group.contents):
        return
    group.cue.end = start
    group.sources.append(RoleSpan("SOURCE", start, end))


# Verbs of addressing someone: in the passive their subject is the one addressed ("Road users were urged to avoid
# the road", "We are told that ...", "Staff were warned not to ..."), and the speaker is unexpressed unless a "by"
# phrase names it. On PolNeAR train, of 68 passive subjects of these verbs with no "by" agent, none is a gold
# source ("assure" and "brief" are left out: 5 of their 14 passive subjects are).
HEARER_VERBS = frozenset(
    {"tell", "ask", "urge", "advise", "warn", "inform", "instruct", "encourage", "invite", "remind", "order"}
)

# Verbs of saying or believing whose passive subject is what is said or believed about ("Ellory is expected to
# give evidence", "The plant is said to be closing", "He is known to favour ..."): the one who expects, says or
# knows is unexpressed without a "by" phrase (news23: "Ellory is expected to give evidence" listed Ellory as the
# one expecting). On PolNeAR train, of 121 gold cues on such an agentless passive with a subject, 4 have the
# subject in their source ("expect" 2 of 72, "know" 0 of 27, "consider" 0 of 8, "say" 1 of 8, a misparsed "he's
# said", "report" 1 of 5, "think" 0 of 1).
TOPIC_VERBS = frozenset(
    {"expect", "say", "believe", "think", "report", "know", "consider", "allege", "rumour", "rumor", "understand"}
)
_UNNAMED_BY_PASSIVE = HEARER_VERBS | TOPIC_VERBS


# The small model sometimes tags a sentence-opening "Asked" past tense (news20: after a sentence ending in a name).
# A verb of asking or addressing that heads an adverbial clause with no subject of its own is then still the
# passive participle. On PolNeAR train, of such subjectless adverbial past tenses that are gold cues, the 7 of these
# verbs all have no source ("Asked what ..., Devine replied"), and the 15 of other verbs all have one, inherited
# ("..., talked about the recovery"): other verbs are left alone.
ASKING_VERBS = HEARER_VERBS | {"press", "question"}


def leave_asker_unnamed(doc: Doc, group: Group) -> None:
    """ "Asked whether he would resign, Mr Dale said ...": a cue that is a passive participle heading an adverbial
    clause, with no subject and no "by" agent of its own, has its source unexpressed, and the group loses the
    source grouping gave it. The participle's understood subject is its main clause's subject, and in the passive
    that is the patient: the one asked, pressed or told, not who asked (the reporter, mostly). PolNeAR agrees: of
    the 42 sentence-opening "Asked ..." cues in its train articles, 36 have no source, 4 name the asker in a "by"
    phrase (kept here), and 2 are no participle ("asked Bennett" after a quotation). The source had been the main
    clause's subject (news14; news16, four in one article). A perfect participle ("Having said that, ...") is
    active, and its subject the speaker: left alone.

    Applied after the confidence cut (``find_attributions``): the confidence model was fitted on groups as grouping
    makes them, and a wrong source left out makes the attribution no less right. Refitted on groups without that
    source, it dropped the "Asked" attributions' confidence with the missing source, and PolNeAR marks them."""
    root = doc[cue_root(doc, group.cue)]
    if root.dep_ != "advcl" or not (root.tag_ == "VBN" or (root.tag_ == "VBD" and root.lemma_ in ASKING_VERBS)):
        return
    own = {child.dep_ for child in root.children}
    if own & {"nsubj", "nsubjpass", "agent"} or ("aux" in own and "auxpass" not in own):
        return
    group.sources.clear()


def leave_hearer_unnamed(doc: Doc, group: Group) -> None:
    """A passive verb of addressing someone, or of saying or believing (see above), with no "by" agent loses a
    source that holds its passive subject, or lies inside the subject's phrase: the hearer is who was told, not who
    told them, and the topic is what is expected or said of, not who expects or says it; a word of the
    hearer's own relative clause is the hearer again ("Anyone who saw the crash is asked to call ...": news22's
    source "who"). Grouping had given it the tagger's span on the subject or a nearby speaker the ranker preferred
    to none (news20: "Road users were urged" listed "Road users" as the speaker). Applied after the confidence cut,
    as ``leave_asker_unnamed`` is and for its reason: a wrong source left out makes the attribution no less right.
    A court that heard what was said is its hearer too (``cues.court_hears``), in the active."""
    root = doc[cue_root(doc, group.cue)]
    children = list(root.children)
    if court_hears(root):
        drop_sources_over(group, subject_phrases(root))
    elif (
        root.lemma_ in _UNNAMED_BY_PASSIVE
        and root.pos_ == "VERB"
        and not any(child.dep_ == "agent" for child in children)
        and any(child.dep_ == "auxpass" for child in children)
    ):
        hearers = [(child.left_edge.i, child.right_edge.i + 1) for child in children if child.dep_ == "nsubjpass"]
        drop_sources_over(group, hearers)


# The passive complement of the formulas in which a source keeps their name out of print: "who did not want to be
# named", "who asked not to be identified", "who declined to be named".
ANONYMITY_VERBS = frozenset({"name", "identify"})


def cue_past_anonymity_clause(doc: Doc, group: Group) -> None:
    """ "A driver who did not want to be named said morale at the depot was low": the formula in a source's
    relative clause says why the source is not named, it reports nothing; the tagger took "did not want" as the
    cue and the rest of the sentence, the real "said" with it, as content (news24). A cue heading such a relative
    clause (its complement a passive "to be named"/"to be identified") hands the group to the verb its antecedent
    is the subject of, when that verb follows inside the content and reports a clause (it has a clausal
    complement): the cue becomes that verb, the source the antecedent's phrase with its relative clause, the
    content the complement. Otherwise the group loses its content and is no attribution."""
    root = doc[cue_root(doc, group.cue)]
    if root.dep_ != "relcl" or not any(_passive_name(child) for child in root.children):
        return
    antecedent, verb = root.head, root.head.head
    complement = next((child for child in verb.children if child.dep_ == "ccomp"), None)
    inside = any(span.start <= verb.i < span.end for span in group.contents)
    if antecedent.dep_ != "nsubj" or verb.i <= root.i or complement is None or not inside:
        group.contents.clear()
        return
    group.cue = RoleSpan("CUE", verb.i, verb.i + 1)
    group.sources[:] = [RoleSpan("SOURCE", antecedent.left_edge.i, root.right_edge.i + 1)]
    group.contents[:] = [RoleSpan("CONTENT", complement.left_edge.i, complement.right_edge.i + 1)]


def _passive_name(token: Token) -> bool:
    """ "to be named": a passive infinitive of naming or identifying."""
    return (
        token.dep_ == "xcomp"
        and token.lemma_ in ANONYMITY_VERBS
        and any(child.dep_ == "auxpass" for child in token.children)
    )


def source_not_in_relative_clause(doc: Doc, group: Group) -> None:
    """A relative clause and its antecedent play opposite parts, so a source that mixes them up is moved to the one
    that speaks (news24):

    - "Kieran Flood, whose daughter took part in the trial, said ...": a source that opens with the relative
      determiner "whose" is the subject of the relative clause; when that clause is closed by a comma before the
      cue (a non-restrictive clause, set off on both sides), the cue's subject is the clause's antecedent, the
      phrase just before ", whose". The tagger had taken "whose eight-year-old daughter" as the speaker.
    - "..., a position analysts said could leave Teravia facing weeks of talks": when the cue itself heads a
      relative clause whose subject lies in the source after the antecedent noun (a contact clause, "the N X
      said"), the antecedent is what was said, and the speaker is the clause's subject alone ("analysts", not
      "a position analysts"); also where the parse took the antecedent for a compound of the subject (see
      ``_antecedent_as_compound``).

    Applied after the confidence cut, as ``leave_asker_unnamed`` is: the group is as right or wrong as before,
    only its source's words change."""
    root = doc[cue_root(doc, group.cue)]
    for index, span in enumerate(group.sources):
        first = doc[span.start]
        if first.tag_ == "WP$" and _set_off_before(doc, span.start) and _comma_between(doc, span.end, group.cue.start):
            named = doc[span.start - 2]
            if named.pos_ in ("PROPN", "NOUN"):
                start = max(named.left_edge.i, named.sent.start)
                if all(not token.is_punct for token in doc[start : named.i]):
                    group.sources[index] = RoleSpan("SOURCE", start, named.i + 1)
            continue
        subject = next((child for child in root.children if child.dep_ == "nsubj"), None)
        if subject is None or subject.right_edge.i >= span.end:
            continue
        # "a nurse who said ...": a relative pronoun as subject stands for the antecedent, who does speak
        contact = subject.tag_ not in ("WP", "WDT") and subject.lower_ != "that"
        if (
            root.dep_ == "relcl"
            and contact
            and _reports_a_clause(root)
            and span.start <= root.head.i < subject.left_edge.i
        ):
            group.sources[index] = RoleSpan("SOURCE", subject.left_edge.i, subject.right_edge.i + 1)
        elif (
            _reports_a_clause(root)
            and (compound := _antecedent_as_compound(subject)) is not None
            and span.start <= subject.left_edge.i
        ):
            group.sources[index] = RoleSpan("SOURCE", compound.i + 1, subject.right_edge.i + 1)


def _antecedent_as_compound(subject: Token) -> Token | None:
    """The small model parses "a date engineers said would be ..." with "a date" as a compound of the plural
    "engineers": an indefinite article cannot determine a plural noun, so "a date" is a noun phrase of its own, the
    contact clause's antecedent, and only "engineers" the subject."""
    if subject.tag_ not in ("NNS", "NNPS"):
        return None
    compound = next((c for c in subject.children if c.dep_ == "compound" and c.i < subject.i and c.tag_ == "NN"), None)
    if compound is None:
        return None
    # The article hangs from the singular noun or, as often, from the plural subject itself.
    articles = [det for det in (*compound.children, *subject.children) if det.dep_ == "det" and det.i < compound.i]
    return compound if any(det.lower_ in ("a", "an") for det in articles) else None


def _reports_a_clause(verb: Token) -> bool:
    """The verb has a clausal complement: in "the experts I interviewed said ...", the relative clause's
    "interviewed" reports nothing (the complement is "said"'s) and its subject is no speaker."""
    return any(child.dep_ == "ccomp" for child in verb.children)


def _set_off_before(doc: Doc, start: int) -> bool:
    """A comma right before ``start``, with a word before it."""
    return start >= 2 and doc[start - 1].text == ","


def _comma_between(doc: Doc, start: int, end: int) -> bool:
    return any(token.text == "," for token in doc[start:end])


# Two labels before a colon read like a speaker's name to the tagger but name no one (news20): an interview's
# one-letter "Q:" and "A:" (``layouts.labelled_lines`` leaves them out for that reason: PolNeAR marks them in some
# interviews only), and a numbered heading, "Rule three:" or "Step 2:", whose number counts the items of a list
# (a speaker's age follows a comma: "Tom Becker, 52:"). Who answers or gives the tip is the article's business,
# not the label's.


def leave_label_unnamed(doc: Doc, group: Group) -> None:
    """A colon cue that ends such a label (see above), all its sentence before the colon, loses the sources inside
    the label (the tagger takes "Rule three", or only "two" of "Step two")."""
    colon = group.cue.start
    if doc[colon].text != ":":
        return
    start = doc[colon].sent.start
    words = [token for token in doc[start:colon] if not (token.is_punct or token.is_space)]
    letters = sum(c.isalpha() for token in words for c in token.text)
    numbered = len(words) == 2 and words[1].like_num and words[1].i == words[0].i + 1
    if words and (letters < 2 or numbered):
        group.sources[:] = [span for span in group.sources if not (start <= span.start and span.end <= colon)]


# The noun phrase right after a reporting verb that follows its quotation: the inverted subject ("said the
# governor"), which en_core_web_sm mostly parses as the verb's direct object.
INVERTED_SUBJECT_DEPS = frozenset({"nsubj", "dobj"})


def subject_out_of_cue(doc: Doc, group: Group) -> None:
    """ "Chatterly said it disagreed with the decision": the tagger sometimes tags a name with the verb after it as
    one cue (news23: a company's name opening its sentence before "said", and no source). The subject of a
    reporting verb is who speaks, never part of how they speak, so a cue that opens with its root's whole subject
    phrase loses it, and the phrase becomes the source when the group has none (``subject_source`` skips a subject
    inside the cue). The small model parses an unknown name opening a sentence as an adverb of the verb after it
    ("Chatterly" an ``advmod`` of "said"); a declarative finite verb has a subject, so one parsed with none (no
    inverted or expletive one either), whose cue opens its sentence with capitalised words, has those words as
    its subject."""
    root = doc[cue_root(doc, group.cue)]
    if root.pos_ != "VERB":
        return  # a copula's subject is what is described ("The implication is clear:"), no speaker
    subject = next((child for child in root.children if child.dep_ in CLAUSE_SUBJECT_DEPS), None)
    if subject is not None:
        if (
            subject.pos_ not in ("PROPN", "NOUN", "PRON")
            # a noun phrase opens with a name, a determiner or a pronoun; a bare lower-case plural is a misparse
            or not (subject.left_edge.is_title or subject.left_edge.pos_ in ("DET", "PRON", "PROPN"))
            or subject.left_edge.i != group.cue.start
            or subject.right_edge.i >= root.i
        ):
            return
        start, end = subject.left_edge.i, subject.right_edge.i + 1
    else:
        before = doc[group.cue.start : root.i]
        if (
            not before
            or group.cue.start != root.sent.start
            or root.tag_ not in ("VBD", "VBZ", "VBP")
            or not all(token.is_title for token in before)
        ):
            return
        start, end = group.cue.start, root.i
    group.cue.start = end
    if not group.sources:
        group.sources.append(RoleSpan("SOURCE", start, end))


def inverted_speaker(doc: Doc, group: Group) -> None:
    """ "“We will win,” said the governor.": in quotative inversion English puts the speaker after the verb, and
    the quotation before it is the verb's complement, so the noun phrase after the cue is who spoke, not what was
    said. The tagger, reading a verb and its object, often tags that phrase as content; it becomes the source
    when the group has none and a quotation ends just before the cue."""
    if group.sources:
        return
    root = doc[cue_root(doc, group.cue)]
    speaker = next(
        (child for child in root.children if child.dep_ in INVERTED_SUBJECT_DEPS and child.i >= group.cue.end), None
    )
    after = next((span for span in group.contents if span.start >= group.cue.end), None)
    if speaker is None or after is None or not _quote_just_before(doc, group):
        return
    if all(t.is_space or t.text == "," for t in doc[group.cue.end : after.start]) and (
        after.start == speaker.left_edge.i and after.end <= speaker.right_edge.i + 1
    ):
        group.contents.remove(after)
        group.sources.append(RoleSpan("SOURCE", after.start, after.end))


def _quote_just_before(doc: Doc, group: Group) -> bool:
    """A content of the group ends with a closing quotation mark, only punctuation or space between it and the
    cue (“...,” said)."""
    for span in group.contents:
        if span.end <= group.cue.start and all(t.is_punct or t.is_space for t in doc[span.end : group.cue.start]):
            return any(t.is_quote for t in doc[max(span.start, span.end - 2) : group.cue.start])
    return False


# Verbs through which a cue inherits its governor's subject: "X said ..., adding that ..." (advcl), "X took
# time to brag about ..." (xcomp), "X said ... and warned ..." (conj).
INHERITING_DEPS = {"advcl", "xcomp", "conj", "acl", "relcl", "pcomp", "prep"}


def subject_source(doc: Doc, group: Group, sources: list[RoleSpan]) -> RoleSpan | None:
    """A source for a cue the tagger left without one: the subject of the cue (or of the verb it hangs from),
    reusing a tagged source span when the subject lies in one (PolNeAR lets two attributions share a source).

    Attribution matching only asks the predicted source to share a word with the gold one, and a gold
    attribution without source accepts any, so a syntactic guess costs little and recovers most shared
    sources.
    """
    taken = {i for span in (group.cue, *group.contents) for i in range(span.start, span.end)}
    token = doc[cue_root(doc, group.cue)]
    for _ in range(3):
        for child in token.children:
            if child.dep_ == "agent":
                child = next((grand for grand in child.children if grand.dep_ == "pobj"), child)
            elif child.dep_ != "nsubj":
                continue
            if child.i in taken:
                continue
            for span in sources:
                if span.start <= child.i < span.end:
                    return span
            start, end = child.left_edge.i, child.right_edge.i + 1
            if not taken.intersection(range(start, end)):
                return RoleSpan("SOURCE", start, end)
            return RoleSpan("SOURCE", child.i, child.i + 1)
        if token.dep_ not in INHERITING_DEPS or token.head.i == token.i:
            break
        token = token.head
    return _nearest_speaker(doc, group, taken)


SPEAKER_ENTITIES = {"PERSON", "ORG", "GPE", "NORP"}
SPEAKER_PRONOUNS = {"he", "she", "they", "we", "i", "who"}


def _nearest_speaker(doc: Doc, group: Group, taken: set[int]) -> RoleSpan | None:
    """When the parse gives the cue no subject (it often misparses appositions and long subjects), the closest
    person-like mention before the cue in its sentence: a named person/organization/place or a personal
    pronoun, widened to its whole entity."""
    sentence_start = doc[group.cue.start].sent.start
    for i in range(group.cue.start - 1, sentence_start - 1, -1):
        token = doc[i]
        if i in taken:
            break
        if token.ent_type_ in SPEAKER_ENTITIES:
            entity = entity_span(token)  # not a search of doc.ents, which spaCy builds anew on each access
            if entity is not None and not taken.intersection(range(entity.start, entity.end)):
                return RoleSpan("SOURCE", entity.start, entity.end)
        if token.pos_ == "PRON" and token.lower_ in SPEAKER_PRONOUNS:
            return RoleSpan("SOURCE", i, i + 1)
    return None


def name_before_apposition(doc: Doc, group: Group) -> None:
    """ "Harbourside Events, the company behind the concert, said ...": an apposition renames the noun phrase it is
    set beside, and the two together are the verb's subject, so a source that is the apposition alone (the
    tagger, in a longer article, tags "the company behind the concert" and leaves the name) widens to the name
    before it, when only a comma lies between them; the display name is then the name, not the description. The
    parse marks the apposition ``appos``, or makes both phrases subjects of the verb: a verb has one subject, and
    two noun phrases with only a comma between them, both its subject, are one phrase and its apposition (with a
    conjunction between them they are two clauses' subjects: ``source_in_its_own_clause``). Applied after the
    confidence cut, as ``leave_asker_unnamed`` is: only the source's words change."""
    root = doc[cue_root(doc, group.cue)]
    for index, span in enumerate(group.sources):
        head = _phrase_head(doc, span)
        if head.pos_ != "NOUN":
            continue  # a name after its description ("Clinton's opponent, Donald Trump") names the speaker already
        if head.dep_ == "appos":
            named: Token | None = head.head
        elif head.dep_ in ("nsubj", "nsubjpass") and head.head.i == root.i:
            named = next((c for c in root.children if c.dep_ == head.dep_ and c.i < span.start), None)
        else:
            continue
        if named is None or named.i >= span.start or named.pos_ not in ("PROPN", "NOUN") or not _is_name(named):
            # Only a name is widened to: a description before the apposition ("Vexx's former teammate, the
            # Swedish player known as Nordlys") is another description, and the apposition may hold the name.
            continue
        if named.dep_ == "pobj":
            # The object of a preposition ("In a letter seen by the Gazette, the club's chair, Ruth Ellery, said")
            # is a participant of a modifier of the clause, never its subject: the parse hung the speaker's
            # apposition on the nearest noun, and the newspaper that saw the letter would become the source.
            continue
        start = named.left_edge.i
        if start < named.sent.start or [token.text for token in doc[named.i + 1 : span.start]] != [","]:
            continue
        if not any(other.start < span.start and start < other.end for other in (group.cue, *group.contents)):
            group.sources[index] = RoleSpan("SOURCE", start, span.end)
    # The name may have been tagged as a source of its own: it is now inside the widened span.
    kept: list[RoleSpan] = []
    for span in sorted(group.sources, key=lambda span: (span.start, -span.end)):
        if not any(other.start <= span.start and span.end <= other.end for other in kept):
            kept.append(span)
    group.sources[:] = kept


def subject_out_of_content(doc: Doc, group: Group) -> None:
    """ "The inspectors' final report, published on Thursday, says the ward was short of nurses": the subject of
    a verb of saying is who (or what document) says, and its complement clause is what is said; the tagger, in a
    longer article, can tag the subject as a piece of content beside the complement, and the group has no source.
    When a piece of content lies inside the subject phrase before the cue, and another holds the verb's
    complement clause after it, the pieces inside the subject leave the content and the subject phrase (without
    its closing comma) is the source. A cue with no complement clause of its own (a copula's or an auxiliary's,
    "The efforts are ...") has nothing said in it to tell its subject from, and stays.
    A content before the cue that is no subject of it stays ("Putin, according to officials, sees ...", "The
    plan, she said, would cost ...": the parse hangs "said" from the content's verb, so it has no subject there).
    Applied after the confidence cut, as ``leave_asker_unnamed`` is."""
    if group.sources:
        return
    root = doc[cue_root(doc, group.cue)]
    # Only an active subject says: a passive one is the hearer ("Parents were told that ...") or what is said of.
    subject = next((child for child in root.children if child.dep_ == "nsubj"), None)
    if root.pos_ != "VERB" or subject is None or subject.i >= group.cue.start or subject.tag_ in ("WP", "WDT"):
        return
    start, end = subject.left_edge.i, min(subject.right_edge.i + 1, group.cue.start)
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    inside = [span for span in group.contents if start <= span.start and span.end <= end + 1]
    complement = next((child for child in root.children if child.dep_ == "ccomp" and child.i > root.i), None)
    if not inside or complement is None or not any(s.start <= complement.i < s.end for s in group.contents):
        return
    keep_contents(group, lambda span: all(span is not piece for piece in inside))
    group.sources.append(RoleSpan("SOURCE", start, end))


def source_in_its_own_clause(doc: Doc, group: Group) -> None:
    """ "Its chief operating officer left in August, and the company has not said who will replace her": a source
    is one noun phrase, the cue's subject, so a source that runs over a comma and a coordinating conjunction to
    that subject has taken in the clause before the conjunction (its verb, "left", shows it is a clause), and is
    cut to the subject. The parse reads the cue as the conjunct of that clause's verb, or gives it both clauses'
    subjects, and the subject nearest the cue is its own. Noun phrases coordinated with a comma ("The mayor, the
    police and the fire service said", "The mayor, who chairs the board, and the police chief said") have no verb
    outside a relative clause before the conjunction, and stay together. Applied after the confidence cut, as
    ``leave_asker_unnamed`` is."""
    root = doc[cue_root(doc, group.cue)]
    subjects = [child for child in root.children if child.dep_ in ("nsubj", "nsubjpass") and child.i < root.i]
    if not subjects:
        return
    start = subjects[-1].left_edge.i
    for index, span in enumerate(group.sources):
        if not span.start + 2 < start <= subjects[-1].i < span.end:
            continue
        joined = doc[start - 2].text == "," and doc[start - 1].dep_ == "cc"
        if joined and any(_clause_verb(token) for token in doc[span.start : start - 2]):
            group.sources[index] = RoleSpan("SOURCE", start, span.end)


def _clause_verb(token: Token) -> bool:
    """A verb outside any relative clause: "the mayor, who chairs the board, and the police chief" holds a verb in
    a relative clause, which describes a speaker and is part of the noun phrase."""
    return token.pos_ == "VERB" and not any(t.dep_ == "relcl" for t in (token, *token.ancestors))


def _is_name(token: Token) -> bool:
    """Whether a noun heads a name rather than a description: a proper noun, or a noun with no determiner and no
    possessor ("Harbourside Events", "Grenmoor Water": a body named after its line of business, which the small
    model may tag a common noun). A determiner or a possessor makes a description ("Vexx's former teammate",
    "the club's chair"), which names no one."""
    return token.pos_ == "PROPN" or not any(c.dep_ in ("det", "poss") for c in token.children)


def _phrase_head(doc: Doc, span: RoleSpan) -> Token:
    """The span's word whose head lies outside it (the first such word; the span's first word if none does)."""
    words = doc[span.start : span.end]
    return next((t for t in words if not span.start <= t.head.i < span.end or t.head.i == t.i), words[0])
