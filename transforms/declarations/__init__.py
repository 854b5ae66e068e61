"""Declarations every layer reads: table schemas and vocabularies (no imports above)."""
