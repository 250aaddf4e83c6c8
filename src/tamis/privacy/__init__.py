"""Privacy transforms: content tamis changes on purpose (face redaction), unlike detectors,
which only observe."""
