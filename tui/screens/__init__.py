"""One screen per file: home, the five stages, help, the mood log, review, support."""
