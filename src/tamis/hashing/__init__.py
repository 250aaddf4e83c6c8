"""Perceptual hashing and hash banks.

- `tamis.hashing.pdq`: PDQ hashes (Meta's 256-bit perceptual hash) and their quality, from
  image bytes or decoded frames, bit-exact with Meta's reference hasher; hex encoding, Hamming
  distance, dihedral hashes, and the hash-list formats banks are imported from and exported to.
- `tamis.hashing.index`: the index a bank is matched against (brute force for small
  banks, multi-index hashing for large ones), with incremental changes and hot swapping.

Hash matching is one more detector (`hash_banks`, findings `bank:<name>`); see docs/hashing.md.
"""
