"""The REST API (FastAPI). Routes call services; they never run SQL themselves."""
