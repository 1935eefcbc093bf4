project = "qanda hostile input"
version = "1"
copyright = "2026, test"
extensions = ["myst_parser", "qanda"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build", "_part.md"]
qanda_stages = ["modeling", "serving"]
latex_documents = [("index", "hostile.tex", "hostile", "test", "manual")]
