project = "citations"
extensions = ["myst_parser", "anchor_aliases", "sphinx_reredirects"]
anchor_aliases = {"old-section": "new-section"}
redirects = {"old-page": "new-page.html"}
