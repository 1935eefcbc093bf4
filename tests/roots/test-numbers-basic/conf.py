project = "numbers test"
version = "1"
copyright = "2026, test"
extensions = ["myst_parser", "numbersheet", "pdf_output"]
myst_enable_extensions = ["colon_fence"]
numbersheet_book_page = "book-sheet"
pdf_documents = [("index", "numbers-test", "numbers test", "test")]
latex_documents = [("index", "numbers-test.tex", "numbers test", "test", "manual")]
