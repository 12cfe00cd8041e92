"""The names of the settings kept in profile.json, so every screen and command says them alike."""

COUNTRY = "country"
"""Where the person is, for the crisis lines the support panel and `log` show."""
REASONS = "reasons"
"""The person's own "why I started", shown when an urge comes."""
SAFETY_PLAN = "safety_plan"
BOUNDARIES_CARD = "boundaries_card"
"""Stage 4's card, shown on home."""
LETTERS = "letters"
"""Stage 5's letters to future me, each shown on home from its opening day."""
MILESTONES_SEEN = "milestones_seen"
"""Milestones already marked, so each is told once."""
ACTIVITIES = "activities"
"""The activities the mood log offers, one key each: a list of one-word tags ("walk",
"slept-badly"), in the order shown, at most tui.activities.MAX_ACTIVITIES. Not set, or
null (an emptied list saves that): the defaults in data/activities.json. tui.activities
reads, checks and parses it."""
