"""Scripts for working on drp: not part of the package."""
