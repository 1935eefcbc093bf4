project = "qanda test"
version = "1"
copyright = "2026, test"
extensions = ["myst_parser", "qanda", "pdf_output"]
myst_enable_extensions = ["colon_fence"]
qanda_stages = ["project-setup", "data-pipeline", "modeling", "serving"]
qanda_contribute_url = "https://example.org/contribute?question={label}"
pdf_documents = [("index", "qanda-test", "qanda test", "test")]
latex_documents = [("index", "qanda-test.tex", "qanda test", "test", "manual")]
