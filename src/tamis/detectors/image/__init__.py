"""Detectors of image parts (decoded frames: `Part.payload` is a tamis.decoding.image.ImageData)."""
