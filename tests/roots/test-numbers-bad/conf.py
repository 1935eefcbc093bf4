project = "numbers misuse"
version = "1"
copyright = "2026, test"
extensions = ["myst_parser", "numbersheet"]
myst_enable_extensions = ["colon_fence"]
numbersheet_book_page = "book-sheet"
