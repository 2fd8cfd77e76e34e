"""Layer 1: the record — the archive tree (every path in :mod:`paths`), the SQLite index, the one reducer of
events into a case's state, the ledger that keeps the two in step, fixity checks and the rebuild from the tree."""
