"""Everything that runs inside `mkdocs build`: generated pages, placeholders, facts, open data, search."""
