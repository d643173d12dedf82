"""Per-language document quality filters (stage filter)."""
