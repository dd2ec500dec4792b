"""A Scala REPL subset (Livy's `spark` kind) in pure Python: see repl.ScalaRepl."""

from .repl import ScalaRepl

__all__ = ['ScalaRepl']
