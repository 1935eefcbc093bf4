project = "qanda misuse"
extensions = ["myst_parser", "qanda"]
myst_enable_extensions = ["colon_fence"]
qanda_stages = ["project-setup", "data-pipeline", "modeling", "serving"]
