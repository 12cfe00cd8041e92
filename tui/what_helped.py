"""What has helped this person before, in their own words, ranked by what followed it.

Pure functions over their records (no Textual); the screens and the command line show them.
`nocontact urge` shows the first part of the ranking (own_words_helped) at a hard moment, so
this module keeps to light imports: the tag and stage parts import the insights on use.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from tui.content.insights import InsightText, load_insight_text, number_text
from tui.store.records import Frozen, MoodLog, Session

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from typing import Literal

    from tui.analysis import Totals
    from tui.insights import WordInsight

    Kind = Literal["own", "word", "stage"]
    Measure = Literal["urge", "mood"]

URGE_STAGE = 3
INSTEAD = "instead"
"""Stage 3's "something for you instead" answer: what the person could do for themselves."""
URGE_STRENGTH = "urge_strength"
URGE_TIMER = "urge_timer"
TEXT_WIDTH = 60
END_PUNCTUATION = ".!;,:"


class Helper(Frozen):
    """One thing that helped, what followed it, and the sentence that says so.

    kind: "own" (their words under "something for you instead"), "word" (a tag or an
    emotion word) or "stage" (an exercise). times: how often it was followed by a fall in
    the urge or a rise in mood (for a word, its days); tried: how often it could be
    measured at all; before and after: the averages over the times it helped, of the
    urge's strength or of mood, as `measure` says; last: when it was last written.
    """

    FIELDS = ("kind", "text", "times", "tried", "before", "after", "measure", "last", "sentence")
    __slots__ = FIELDS
    kind: Kind
    text: str
    times: int
    tried: int
    before: float
    after: float
    measure: Measure
    last: datetime | None
    sentence: str

    def __init__(
        self,
        kind: Kind,
        text: str,
        times: int,
        tried: int,
        before: float,
        after: float,
        measure: Measure,
        last: datetime | None,
        sentence: str,
    ) -> None:
        self._set(kind, text, times, tried, before, after, measure, last, sentence)


class _Tally:
    """Sessions that share the same "instead" words: (before, after) pairs, measured one way."""

    __slots__ = ("text", "last", "urge", "mood")

    def __init__(self, text: str, last: datetime) -> None:
        self.text = text
        self.last = last
        self.urge: list[tuple[int, int]] = []
        self.mood: list[tuple[int, int]] = []


def _mean(values: list[int]) -> float:
    return sum(values) / len(values)


def _words_key(text: str) -> str:
    """The same words however they were spaced, capitalised or ended."""
    return " ".join(text.casefold().split()).rstrip(END_PUNCTUATION + " ")


def _shown(text: str) -> str:
    line = text.strip().split("\n", 1)[0].strip().rstrip(END_PUNCTUATION)
    return line if len(line) <= TEXT_WIDTH else f"{line[: TEXT_WIDTH - 1]}…"


def _scale(value: object) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10:
        return value
    return None


def urge_fall(session: Session) -> tuple[int, int] | None:
    """(strength noted at the start, strength at the timer's last check-in), if both exist."""
    start = _scale(session.answers.get(URGE_STRENGTH))
    timer = session.answers.get(URGE_TIMER)
    checkins = timer.get("checkins") if isinstance(timer, dict) else None
    if start is None or not isinstance(checkins, list) or not checkins:
        return None
    last = checkins[-1]
    end = _scale(last.get("strength")) if isinstance(last, dict) else None
    return None if end is None else (start, end)


def _own_words(sessions: Iterable[Session]) -> dict[str, _Tally]:
    tallies: dict[str, _Tally] = {}
    for session in sessions:
        written = session.answers.get(INSTEAD) if session.stage == URGE_STAGE else None
        if not isinstance(written, str) or not _words_key(written):
            continue
        key = _words_key(written)
        tally = tallies.get(key)
        if tally is None:
            tally = tallies[key] = _Tally(_shown(written), session.saved_at)
        elif session.saved_at > tally.last:
            tally.text, tally.last = _shown(written), session.saved_at  # their latest wording
        fall = urge_fall(session)
        if fall is not None:
            tally.urge.append(fall)
        elif session.mood_before is not None and session.mood_after is not None:
            tally.mood.append((session.mood_before, session.mood_after))
    return tallies


def _times(count: int, tried: int, text: InsightText) -> str:
    if count == tried:
        return (
            text.say("helped", "once") if count == 1 else text.say("helped", "times", count=count)
        )
    return text.say("helped", "times_of", count=count, tried=tried)


def _own_helper(tally: _Tally, text: InsightText) -> Helper | None:
    measure: Measure = "urge" if tally.urge else "mood"
    pairs = tally.urge if tally.urge else tally.mood
    helped = [
        (before, after)
        for before, after in pairs
        if (after < before if tally.urge else after > before)
    ]
    if not helped:
        return None
    before = _mean([pair[0] for pair in helped])
    after = _mean([pair[1] for pair in helped])
    return Helper(
        kind="own",
        text=tally.text,
        times=len(helped),
        tried=len(pairs),
        before=before,
        after=after,
        measure=measure,
        last=tally.last,
        sentence=text.say(
            "helped",
            measure,
            text=tally.text,
            before=number_text(before),
            after=number_text(after),
            times=_times(len(helped), len(pairs), text),
        ),
    )


def _word_helpers(words: WordInsight, text: InsightText) -> list[Helper]:
    from tui.insights import NOTABLE

    helpers = [
        Helper(
            kind="word",
            text=effect.word,
            times=effect.days_with,
            tried=effect.days_with,
            before=effect.mean_without,
            after=effect.mean_with,
            measure="mood",
            last=None,
            sentence=text.say(
                "helped",
                "word",
                word=effect.word,
                mean_with=number_text(effect.mean_with),
                mean_without=number_text(effect.mean_without),
                days_with=effect.days_with,
            ),
        )
        for effect in words.effects
        if effect.difference >= NOTABLE
    ]
    return sorted(helpers, key=lambda h: (-(h.after - h.before), h.text))


def _stage_helpers(
    sessions: Totals | list[Session], names: Mapping[int, str] | None, text: InsightText
) -> list[Helper]:
    from tui.analysis import stage_effects
    from tui.insights import MIN_SESSIONS, NOTABLE, stage_names

    helpers = []
    for effect in stage_effects(sessions):
        if effect.sessions < MIN_SESSIONS or effect.change < NOTABLE:
            continue
        names = names if names is not None else stage_names(text)
        name = names.get(effect.stage, str(effect.stage))
        helpers.append(
            Helper(
                kind="stage",
                text=name,
                times=effect.sessions,
                tried=effect.sessions,
                before=effect.mean_before,
                after=effect.mean_after,
                measure="mood",
                last=None,
                sentence=text.say(
                    "helped",
                    "stage",
                    stage=name,
                    before=number_text(effect.mean_before),
                    after=number_text(effect.mean_after),
                    sessions=effect.sessions,
                ),
            )
        )
    return sorted(helpers, key=lambda h: (-(h.after - h.before), h.text))


def what_helped(
    sessions: Iterable[Session],
    moods: Iterable[MoodLog] = (),
    *,
    limit: int = 5,
    names: Mapping[int, str] | None = None,
    words: WordInsight | None = None,
    stages: Totals | None = None,
    text: InsightText | None = None,
) -> list[Helper]:
    """A short list of what has helped, best first (`words`: word_insight of the same
    moods and sessions, if already made; `stages`: the totals of every session, when
    `sessions` holds only those of stage 3, as the review's monthly totals do). The
    ranking rule:

    1. Their own words from stage 3's "something for you instead", the same words written
       more than once counted together (ignoring case, spacing and end punctuation). Each
       session is measured by the urge, from the strength noted at the start to the last
       check-in of the urge timer, or, when the timer has no check-in, by the mood before
       and after; a thing is measured the urge's way if any of its sessions can be. It
       helped when the urge fell or the mood rose. Ranked by the number of times it
       helped, then by the larger average change, then the most recently written; words
       that never helped are left out.
    2. Then tags and emotion words whose days went with a mood at least NOTABLE higher
       than the days without them (each side with its MIN_DAYS days), the larger gap first.
       Only when `moods` are given.
    3. Then stages whose sessions with both moods (at least MIN_SESSIONS of them) went
       from before to after by at least NOTABLE on average, the larger rise first.

    The list is cut at `limit`.
    """
    text = text or load_insight_text()
    sessions = list(sessions)
    own = own_words_helped(sessions, limit=limit, text=text)
    moods = list(moods)
    if words is None and moods:
        from tui.insights import word_insight

        words = word_insight(moods, sessions, text=text)
    tagged = _word_helpers(words, text) if words is not None else []
    staged = _stage_helpers(stages if stages is not None else sessions, names, text)
    return [*own, *tagged, *staged][:limit]


def own_words_helped(
    sessions: Iterable[Session], *, limit: int = 5, text: InsightText | None = None
) -> list[Helper]:
    """Step 1 of what_helped's ranking on its own: their "instead" words, best first."""
    text = text or load_insight_text()
    own = [
        helper
        for tally in _own_words(sessions).values()
        if (helper := _own_helper(tally, text)) is not None
    ]
    own.sort(key=lambda h: (-h.times, -abs(h.after - h.before), _newest_first(h.last)))
    return own[:limit]


def _newest_first(moment: datetime | None) -> float:
    return -moment.timestamp() if moment is not None else 0.0
