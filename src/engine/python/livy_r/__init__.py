"""An R REPL subset behind Livy's `sparkr` kind, over the session's spark_engine (CONTRACT.md)."""

from .repl import RRepl

__all__ = ['RRepl']
