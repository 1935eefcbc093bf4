# Another Sphinx project that cites the book; the tests point intersphinx_mapping
# at a freshly built book inventory.
project = "consumer"
extensions = ["myst_parser", "sphinx.ext.intersphinx"]
