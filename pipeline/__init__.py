"""ppid-pipeline: the offline back office of a provincial PPID (UU 14/2008)."""

__version__ = "0.1.0"
