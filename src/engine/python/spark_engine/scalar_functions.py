"""Registers every built-in scalar SQL function (Spark 3.5 names, result types, nullability,
non-ANSI semantics); the definitions live in the fn_* modules, one area each."""

from . import fn_math, fn_string, fn_null, fn_datetime, fn_collection, fn_misc  # noqa: F401
from . import fn_extra  # noqa: F401  (defaults/aliases refer to the others)
