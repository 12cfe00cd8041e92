"""Widgets of our own: the mood slider, the breathing pacer, the tracker panel..."""
