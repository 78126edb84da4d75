"""Tests of drp."""
