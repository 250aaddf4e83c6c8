"""Evaluation: metrics, the labelled-text harness and the identity-term fairness check.

See docs/evaluation.md; the CLI is `tamis eval text` and `tamis eval fairness`.
"""
