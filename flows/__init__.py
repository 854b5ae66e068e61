"""Prefect flows: thin orchestration of the readers, transforms, gate and writers."""
