"""The web editor: Decap configuration from the schema, live preview, local backend."""
