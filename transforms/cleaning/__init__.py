"""Raw records to documents: body text, furniture, publication merge, near-duplicates."""
