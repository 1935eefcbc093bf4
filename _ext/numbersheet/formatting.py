"""How a figure is printed: the house style by default, or an explicit format.

The default follows the style sheet: integers exactly, with thousands
separators; other values to two significant figures, three when the first
digit is 1 (so 740.7 prints as 740 and 1,549 as 1,550), with no false precision.
"""

from __future__ import annotations

import math

SCALES = {"k": 1e3, "M": 1e6, "B": 1e9}
UNITS = ("ms", "s", "min", "h", "days", "weeks", "months", "years", "KB", "MB", "GB", "TB",
         "PB", "QPS", "TPS", "RPS", "tokens", "bits", "bytes")
SHORTHANDS = ("%", "$", "$k", "$M", "$B", "k", "M", "B", "x", *UNITS)


class FormatError(ValueError):
    pass


def significant(value: float) -> float:
    """Round to two significant figures, three when the leading digit is 1."""
    if value == 0:
        return 0.0
    exponent = math.floor(math.log10(abs(value)))
    leading = abs(value) / 10**exponent
    digits = 3 if leading < 2 else 2
    return round(value, digits - 1 - exponent)


def house_style(value) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int) or (abs(value) < 1e15 and float(value).is_integer()):
        return f"{int(value):,}"
    rounded = significant(value)
    if float(rounded).is_integer():
        return f"{int(rounded):,}"
    decimals = max(0, -math.floor(math.log10(abs(rounded))) + 2)
    return f"{rounded:,.{decimals}f}".rstrip("0").rstrip(".")


def format_value(value, spec: str) -> str:
    """Print ``value`` with ``spec``: a shorthand from SHORTHANDS or a Python format spec."""
    spec = spec.strip()
    if not spec:
        return house_style(value)
    if spec == "%":
        return house_style(value * 100) + "%"
    if spec.startswith("$"):
        scale = spec[1:]
        if scale and scale not in SCALES:
            raise FormatError(unknown_spec(spec))
        sign = "-" if value < 0 else ""  # -$213, not $-213
        return sign + "$" + house_style(abs(value) / SCALES.get(scale, 1)) + scale
    if spec in SCALES:
        return house_style(value / SCALES[spec]) + spec
    if spec == "x":
        return house_style(value) + "×"
    if spec in UNITS:
        return f"{house_style(value)} {spec}"
    try:
        return format(float(value), spec)
    except (ValueError, TypeError):
        raise FormatError(unknown_spec(spec)) from None


def unknown_spec(spec: str) -> str:
    return (f"unknown format '{spec}': use one of {', '.join(SHORTHANDS)}, "
            "or a Python format spec such as ',.0f' or '.1%'")


def check_spec(spec: str) -> None:
    """Raise FormatError if ``spec`` would fail for any number."""
    format_value(1234.5, spec)
