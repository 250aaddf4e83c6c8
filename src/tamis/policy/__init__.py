"""Named policies: thresholds per label, actions for list hits, detectors to run."""
