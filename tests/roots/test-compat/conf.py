project = "compat test"
version = "1"
copyright = "2026, test"
extensions = ["myst_parser", "sphinx_design", "sphinx.ext.graphviz", "pdf_output", "epub_compat",
              "website", "print_layout"]
myst_enable_extensions = ["colon_fence", "dollarmath"]
graphviz_output_format = "svg"
website_readthedocs_downloads = ""
# rst2pdf's settings, which reach it only once the pdf builder is created (_ext/pdf_output.py)
pdf_documents = [("index", "compat-test", "compat test", "test")]
pdf_stylesheets = ["a5.yaml"]
pdf_use_index = False
pdf_use_modindex = False
pdf_compressed = False
