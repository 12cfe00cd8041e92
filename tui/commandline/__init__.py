"""Handlers of the quick commands. None of them imports Textual."""
