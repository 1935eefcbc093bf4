project = "collapsed test"
version = "1"
copyright = "2026, test"
extensions = ["myst_parser", "collapsed_section", "pdf_output"]
myst_enable_extensions = ["colon_fence"]
pdf_documents = [("index", "collapsed-test", "collapsed test", "test")]
latex_documents = [("index", "collapsed-test.tex", "collapsed test", "test", "manual")]
