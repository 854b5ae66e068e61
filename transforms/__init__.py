"""Pure functions that turn one table into the next (no I/O, no Prefect)."""
