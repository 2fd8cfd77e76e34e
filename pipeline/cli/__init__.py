"""The ``ppid`` command: what a PPID desk officer and an administrator type.

Messages are in Indonesian; ``--help`` texts too, so the manual reads like the desk's own. Each module registers
its commands on the group of :mod:`pipeline.cli.base`.
"""

from pipeline.cli import archive, cases, decide, dip, inbox, lifecycle  # noqa: F401  (registers the commands)
from pipeline.cli.base import main

__all__ = ["main"]
