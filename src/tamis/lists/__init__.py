"""Named term lists (block / review / allow) and the matcher that finds them in text."""
