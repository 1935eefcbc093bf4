"""The extension's settings, checked once when the configuration is read.

A wrong value stops the build with one line that names the setting, instead of
a traceback from deep inside a later phase.
"""

from __future__ import annotations

import string
from urllib.parse import urlsplit

from book_facts import LABEL_PATTERN
from sphinx.errors import ConfigError

URL_FIELDS = {"label"}
URL_SCHEMES = {"http", "https"}


def check_config(app, config) -> None:
    check_stages(config.qanda_stages)
    check_contribute_url(config.qanda_contribute_url)


def check_stages(stages) -> None:
    if not isinstance(stages, (list, tuple)):
        raise ConfigError(f"qanda_stages must be a list of stage names, not {type(stages).__name__}")
    for stage in stages:
        if not isinstance(stage, str) or not LABEL_PATTERN.match(stage):
            raise ConfigError(f"qanda_stages: {stage!r} is not a kebab-case name such as 'data-pipeline'")
    repeated = sorted({s for s in stages if stages.count(s) > 1})
    if repeated:
        raise ConfigError(f"qanda_stages lists {', '.join(repeated)} more than once")


def check_contribute_url(template) -> None:
    if not isinstance(template, str):
        raise ConfigError(f"qanda_contribute_url must be a string, not {type(template).__name__}")
    if not template:
        return
    try:
        fields = [(name, spec, conversion)
                  for _, name, spec, conversion in string.Formatter().parse(template) if name is not None]
    except ValueError as error:
        raise ConfigError(f"qanda_contribute_url {template!r} is not a valid template ({error}); "
                          "write {label} where the question's label goes and double other braces") from None
    wrong = sorted({"{" + name + "}" for name, spec, conversion in fields
                    if name not in URL_FIELDS or spec or conversion})
    if wrong:
        raise ConfigError(f"qanda_contribute_url {template!r} has field(s) {', '.join(wrong)}; "
                          "the only field is {label}, without a format")
    if urlsplit(template.format(label="x")).scheme not in URL_SCHEMES:
        raise ConfigError(f"qanda_contribute_url {template!r} must be an http or https URL")
