"""The Sphinx side of the course: the extension (``widgets.site.extension``, named in
``_config.yml``), citation styles, the ``ordlista`` and ``facit`` directives, templates
and the Swedish fallback catalogues."""
