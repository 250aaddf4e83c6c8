"""Text utilities shared by every text detector."""
