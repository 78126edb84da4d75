"""The example plan `drp demo` opens, shipped inside the package.

An installed `drp` has no repository beside it, so the example plan
(`plan.toml` at the top of the repository, a fictional OCMW Zonnedaal) is
also kept here as package data; `tests/unit/test_demo_plan.py` holds the two
files equal.
"""
