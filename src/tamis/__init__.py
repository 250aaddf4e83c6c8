"""tamis: self-hosted content moderation."""

__version__ = "0.1.0"
