project = "translation test"
version = "1"
copyright = "2026, test"
extensions = ["myst_parser", "qanda", "numbersheet", "collapsed_section"]
myst_enable_extensions = ["colon_fence"]
qanda_stages = ["data-pipeline", "modeling"]
qanda_contribute_url = "https://example.org/contribute?question={label}"
language = "en"
locale_dirs = ["locale/"]
gettext_compact = False
