"""A person's records on disk: TinyDB files in the data dir. Nothing here imports Textual."""
