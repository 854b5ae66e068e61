"""When a figure holds: periods and as-of dates, and how two claims' times compare."""
