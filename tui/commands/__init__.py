"""The command palette's entries: every screen and action, reached by name (ctrl+p)."""
