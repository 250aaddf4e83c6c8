"""Sinks: where a frozen moderation result goes (case store, review queue, webhooks)."""
