"""Prometheus metrics of one API process."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "tamis_http_requests_total",
            "HTTP requests",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "tamis_http_request_duration_seconds",
            "HTTP request latency",
            ["route"],
            buckets=(0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
            registry=self.registry,
        )
        self.decisions = Counter(
            "tamis_decisions_total",
            "Moderation decisions",
            ["action", "policy"],
            registry=self.registry,
        )
        self.findings = Counter(
            "tamis_findings_total", "Findings by label", ["label"], registry=self.registry
        )
        self.queue = Gauge(
            "tamis_job_queue_depth", "Jobs waiting or running", ["status"], registry=self.registry
        )
