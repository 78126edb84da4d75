"""Reliability tests: real processes and real files, killed, damaged and raced; no mocks."""
