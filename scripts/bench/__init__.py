"""The scale benchmark and its synthetic fiches; never imported by the product code."""
