"""Fill a data dir with a realistic synthetic history, through the project's own Store.

    python benchmarks/synth_history.py --years 10 --data-dir /tmp/ten-years [--seed 1]

The same seed and end day always give the same records (ids included). The history ends
on --end (default: today) and holds, per day, about five mood logs with notes and tags
(PRODUCT.md's "20,000 mood logs in ten years": `log` makes that easy), about one session,
urges that thin out over time, and now and then a slip or a logistics contact. Some days
carry activity tags that lift or lower their moods, and stage 3 sessions repeat a few
"instead" answers after which the urge falls, so the insights have something to find.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.clock import now  # noqa: E402
from tui.store.records import LogisticsContact, MoodLog, Session, Slip, Urge  # noqa: E402
from tui.store.store import Store  # noqa: E402

EMOTIONS = (
    *("sad", "lonely", "angry", "relieved", "hopeful", "numb", "anxious", "calm", "tired"),
    *("grateful", "ashamed", "restless", "proud", "confused", "jealous", "tender", "heavy"),
)
SENTENCES = (
    "I woke up thinking about the flat and the way the light came in on Sundays.",
    "Work kept me busy until the afternoon, then the quiet came back.",
    "I wanted to check their profile and I did not, which felt like a small win.",
    "A song in the shop brought everything back for a minute.",
    "I called my sister and we talked about nothing in particular, which helped.",
    "I keep replaying the last conversation and wishing I had said less.",
    "Went for a long walk by the river and noticed I was breathing more slowly.",
    "Cooked a proper meal for the first time in a while.",
    "The evenings are still the hardest part of the day.",
    "I felt angry, then guilty for being angry, then just tired.",
    "Someone at work made me laugh and I forgot to be sad for an hour.",
    "I wrote the message in my head three times and never typed it.",
    "Slept badly; the bed still feels too big.",
    "I noticed I said 'we' out loud when I meant 'I'.",
    "Friends asked how I was and for once I told them the truth.",
    "I started reading again, a few pages before sleep.",
    "It is strange how a whole routine can disappear in a week.",
    "I am proud that I kept going to the gym this week.",
    "Saw a couple holding hands and had to look away.",
    "Today felt ordinary, and ordinary felt good.",
    "I miss the person I thought they were more than the person they are.",
    "There was a moment of real peace this morning with my coffee.",
    "I deleted a few old photos and kept the ones that still make me smile.",
    "My mind wants certainty and there is none to be had right now.",
)
STAGE_FIELDS: dict[int, tuple[tuple[str, str], ...]] = {
    # Keys and answer shapes as data/stages.json and the stage widgets define them.
    1: (
        ("loved_before", "text"),
        ("pick_kind", "pick_kind"),
        ("pick_what", "line"),
        ("pick_day", "day"),
        ("own_voice", "text"),
    ),
    2: (
        ("emotions", "emotions"),
        ("breathing", "breathing"),
        ("what_is", "text"),
        ("wishing", "text"),
        ("accept_today", "line"),
    ),
    3: (
        ("urge_strength", "scale"),
        ("would_say", "text"),
        ("need", "line"),
        ("need_or_want", "need_or_want"),
        ("urge_timer", "urge_timer"),
        ("instead", "text"),
    ),
    4: (("need", "text"), ("wont_accept", "text"), ("line", "text"), ("checklist", "checklist")),
    5: (("lessons", "text"), ("strengths", "text"), ("letter", "letter"), ("open_on", "day")),
}
NO_CLOSING_MOOD = 0.15
"""The share of sessions saved without a mood at the end."""
CHOICES = {
    "pick_kind": ("Something to start again", "Something new to try"),
    "need_or_want": ("A need", "A want", "Not sure yet"),
}
ACTIVITIES: dict[str, float] = {
    # Activity tags (as `nocontact log --tag` takes them) and how far each moves that
    # day's moods, so that `nocontact insights` has something true to find.
    "walk": 1.0,
    "friend": 1.5,
    "gym": 0.8,
    "slept-badly": -1.5,
    "saw-their-posts": -2.0,
}
INSTEAD: tuple[tuple[str, int], ...] = (
    # Stage 3's "something for you instead", and how far the urge usually fell after it.
    ("Called my sister.", 4),
    ("Went for a walk round the block.", 3),
    ("Texted Sam.", 3),
    ("Made tea and watched one episode.", 2),
    ("Had a long shower.", 2),
    ("Scrolled my phone in bed.", 0),
)
CHECKLIST = (
    "Muted their messages and calls",
    "Archived our chat",
    "Unfollowed or muted them on social media",
    "Told a friend I am doing no contact",
)
SETTINGS: dict[str, Any] = {
    "country": "UK",
    "reasons": "I kept losing myself waiting for replies. I want my evenings back.",
    "safety_plan": {
        "warning_signs": "Not sleeping, drinking alone, scrolling old messages at 2am.",
        "what_helps": "A walk, a shower, calling Sam, writing it down here.",
        "people": "Sam 07700 900123; Mum; my GP",
    },
    "boundaries_card": {
        "need": "Time and quiet to heal without updates about their life.",
        "wont_accept": "Late-night messages that reopen everything.",
        "line": "No contact except about the lease, by email only.",
    },
}


class Writer:
    """Deterministic text, times and ids drawn from one seeded generator."""

    def __init__(self, seed: int, zone: tzinfo) -> None:
        self.rng = random.Random(seed)
        self.zone = zone
        # Activities and what helped come from a second generator, so every other
        # record is drawn exactly as before they were added.
        self.extra = random.Random(f"{seed}-what-helped")

    def activities(self) -> tuple[str, ...]:
        """The day's activity tags: each on about one day in four."""
        return tuple(name for name in ACTIVITIES if self.extra.random() < 0.25)

    def what_helped(self, answers: dict[str, Any]) -> None:
        """Stage 3's answers with a repeated "instead" and check-ins that fall after it."""
        text, fall = self.extra.choice(INSTEAD)
        answers["instead"] = text
        start = answers["urge_strength"]
        checkins = answers["urge_timer"]["checkins"]
        for index, checkin in enumerate(checkins, 1):
            drop = fall * index / len(checkins) + self.extra.gauss(0, 1)
            checkin["strength"] = max(0, min(10, round(start - drop)))

    def id(self) -> str:
        return f"{self.rng.getrandbits(64):016x}"

    def text(self, low: int, high: int) -> str:
        return " ".join(self.rng.choice(SENTENCES) for _ in range(self.rng.randint(low, high)))

    def moment(self, day: date, earliest: int = 7, latest: int = 23) -> datetime:
        hour = self.rng.randint(earliest, latest - 1)
        minute, second = self.rng.randrange(60), self.rng.randrange(60)
        return datetime.combine(day, time(hour, minute, second), self.zone)

    def mood(self, progress: float) -> int:
        """Moods that rise slowly over the years, with bad days all along."""
        centre = 3.5 + 3.5 * min(progress * 4, 1.0)
        return max(0, min(10, round(self.rng.gauss(centre, 1.8))))

    def answer(self, kind: str, day: date) -> Any:
        rng = self.rng
        if kind == "text":
            return self.text(1, 4)
        if kind == "line":
            return self.text(1, 1)
        if kind == "letter":
            return self.text(4, 10)
        if kind == "day":
            return (day + timedelta(days=rng.randint(1, 365))).isoformat()
        if kind == "scale":
            return rng.randint(0, 10)
        if kind in CHOICES:
            return rng.choice(CHOICES[kind])
        if kind == "emotions":
            return {word: rng.randint(1, 5) for word in rng.sample(EMOTIONS, rng.randint(1, 4))}
        if kind == "breathing":
            skipped = rng.random() < 0.3
            return {
                "rounds": 0 if skipped else rng.randint(3, 8),
                "finished": not skipped,
                "skipped": skipped,
            }
        if kind == "urge_timer":
            checkins = [
                {"after_seconds": 120 * i, "strength": rng.randint(0, 10)} for i in range(3)
            ]
            return {
                "minutes": 10,
                "seconds_ridden": 600,
                "checkins": checkins,
                "finished": True,
                "skipped": False,
            }
        return [item for item in CHECKLIST if rng.random() < 0.6]

    def session(self, day: date, progress: float) -> Session:
        stage = self.rng.choices((1, 2, 3, 4, 5), weights=(3, 4, 3, 2, 2))[0]
        saved = self.moment(day)
        before = self.mood(progress)
        started = saved - timedelta(minutes=self.rng.randint(3, 25))
        after = max(0, min(10, before + self.rng.choice((-1, 0, 1, 1, 2))))
        answers = {key: self.answer(kind, day) for key, kind in STAGE_FIELDS[stage]}
        if stage == 3:
            self.what_helped(answers)
        return Session(
            stage=stage,
            started_at=started,
            saved_at=saved,
            mood_before=before,
            # Some sessions end without the closing slider moved: no mood, never a made-up one.
            mood_after=None if self.rng.random() < NO_CLOSING_MOOD else after,
            answers=answers,
            id=self.id(),
        )

    def mood_log(self, day: date, progress: float, activities: tuple[str, ...] = ()) -> MoodLog:
        rng = self.rng
        at, mood = self.moment(day), self.mood(progress)
        lift = sum(ACTIVITIES[name] for name in activities)
        return MoodLog(
            at=at,
            mood=max(0, min(10, round(mood + lift))),
            note=self.text(1, 2) if rng.random() < 0.6 else "",
            tags=(*rng.sample(EMOTIONS, rng.randint(0, 3)), *activities),
            source=rng.choice(("cli", "cli", "app", "session")),
            id=self.id(),
        )

    def urge(self, day: date) -> Urge:
        rng = self.rng
        return Urge(
            at=self.moment(day),
            strength=rng.randint(2, 10),
            note=self.text(1, 1) if rng.random() < 0.5 else "",
            acted=rng.random() < 0.08,
            source=rng.choice(("cli", "app")),
            id=self.id(),
        )


def history(writer: Writer, first: date, last: date) -> Iterator[Any]:
    """Every record from `first` to `last`, day by day."""
    span = max((last - first).days, 1)
    day = first
    while day <= last:
        progress = (day - first).days / span
        rng = writer.rng
        activities = writer.activities()
        for _ in range(rng.choice((3, 4, 5, 6, 7, 8))):
            yield writer.mood_log(day, progress, activities)
        for _ in range(rng.choices((0, 1, 2), weights=(2, 7, 3))[0]):
            yield writer.session(day, progress)
        if rng.random() < 0.7 * (1 - progress) + 0.1:
            yield writer.urge(day)
        if rng.random() < 0.02 * (1 - progress) + 0.002:
            yield Slip(
                at=writer.moment(day),
                they_reached_out=rng.random() < 0.5,
                note=writer.text(1, 2),
                feeling=rng.choice(EMOTIONS),
                mood=writer.mood(progress),
                id=writer.id(),
            )
        if rng.random() < 0.03:
            yield LogisticsContact(at=writer.moment(day), note=writer.text(1, 1), id=writer.id())
        day += timedelta(days=1)


def fill(store: Store, years: float, seed: int, last: date) -> dict[str, int]:
    """Write `years` of history ending on `last` into `store`; return counts by kind."""
    first = last - timedelta(days=round(years * 365.25))
    writer = Writer(seed, now().tzinfo or datetime.now().astimezone().tzinfo)  # type: ignore[arg-type]
    sharded: list[MoodLog | Session | Urge] = []
    counts: dict[str, int] = {}
    for record in history(writer, first, last):
        counts[record.KIND] = counts.get(record.KIND, 0) + 1
        if isinstance(record, Slip):
            store.add_slip(record)
        elif isinstance(record, LogisticsContact):
            store.add_logistics(record)
        else:
            sharded.append(record)
    store.add_many(sharded)
    store.set_no_contact_start(first)
    for key, value in SETTINGS.items():
        store.set_setting(key, value)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=float, required=True, help="span of history, e.g. 0.1")
    parser.add_argument("--data-dir", required=True, help="the data dir to fill")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--end", type=date.fromisoformat, help="last day (default: today)")
    args = parser.parse_args(argv)
    store = Store.open(args.data_dir)
    counts = fill(store, args.years, args.seed, args.end or now().date())
    print(", ".join(f"{count} {kind}" for kind, count in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
