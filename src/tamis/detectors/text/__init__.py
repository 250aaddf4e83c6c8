"""Built-in text detectors."""
