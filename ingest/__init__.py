"""Xianzhi ingest: report documents → sentences → metric mentions → Parquet landing."""
