"""Interchange checks: our files read by real, independent readers."""
