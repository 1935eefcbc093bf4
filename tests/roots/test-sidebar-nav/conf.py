project = "sidebar test"
copyright = "2026, test"
extensions = ["myst_parser", "sidebar_nav"]
html_theme = "sphinx_book_theme"
# Three levels in the sidebar, so chapter-a/deep/four (the fourth) is cut off.
html_theme_options = {"max_navbar_depth": 3}
