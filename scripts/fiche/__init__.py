"""Fiches: the schema, reading, checking and the validator's messages."""
