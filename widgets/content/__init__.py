"""Reading and validating the course content in ``data/`` (and ``_toc.yml``).

Every reader fails with a :class:`~widgets.content.data_files.DataFileError` that names the
file, the line, the item and the fix, in Swedish. Nothing here draws or renders."""
