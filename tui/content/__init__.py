"""The coaching content shipped in data/: stages, prompts, words, support lines."""
