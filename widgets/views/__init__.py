"""The chapter widgets (anywidget classes) and their front-end modules in ``static/``."""
