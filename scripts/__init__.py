"""The knowledge base's code: fiche schema, loading and validation (this package), the MkDocs build
(`scripts.site`), the scale benchmark (`scripts.bench`). CLIs run from the repository root as
`python -m scripts.<name>`."""
