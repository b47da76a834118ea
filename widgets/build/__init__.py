"""Command-line tools that build or check the course (run with ``python -m widgets.build.<tool>``):
``notebooks`` (execute and normalise chapters), ``pdf`` (the printable course),
``lms_export`` (Moodle XML and GIFT), ``readability`` (LIX) and ``browser`` (headless Chromium)."""
