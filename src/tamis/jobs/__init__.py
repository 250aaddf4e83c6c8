"""Durable jobs on PostgreSQL (procrastinate): moderation of video, audio and batches,
webhook deliveries, media purge."""
