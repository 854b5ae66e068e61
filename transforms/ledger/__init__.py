"""The claims ledger: agreement, clusters, flags, the report's summaries."""
