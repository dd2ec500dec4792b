"""``livy-emulator`` (or ``python -m livy_emulator``): the server in the foreground, with the
CLI's flags, on the wheel's Node.

Example::

    livy-emulator --port 8998 --profile fabric
"""

from __future__ import annotations

import os
import subprocess
import sys
from typing import List, Optional

from .server import node_executable, server_script


def main(argv: Optional[List[str]] = None) -> int:
    args = [node_executable(), server_script(), *(sys.argv[1:] if argv is None else argv)]
    if os.name == "posix":
        # Replace this process: signals (Ctrl-C, SIGTERM from a supervisor) reach Node directly.
        os.execv(args[0], args)
    return subprocess.call(args)


if __name__ == "__main__":
    sys.exit(main())
