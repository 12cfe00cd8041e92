"""The coaching content shipped in data/: stages, prompts, words, support lines."""

STAGE_NUMBERS = (1, 2, 3, 4, 5)
"""The five stages, in the seed's order. Here, not in stages.py, so the command line can
check a stage number without loading the stage content."""
