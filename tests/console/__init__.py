"""Console tests: the Textual app driven by Pilot, and snapshots at 80x24."""
