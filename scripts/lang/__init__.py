"""Languages and the wording of every interface text."""
