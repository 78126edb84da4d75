"""The plan as data: the schema, loading with line-numbered errors, readiness checks.

Imports nothing from Textual or the console: the command line, the console and
the reports all read the plan through `load_plan`.
"""

from console.plan.errors import PlanError, PlanProblem
from console.plan.loader import PlanDocument, load_plan, read_plan
from console.plan.model import Plan

__all__ = ["Plan", "PlanDocument", "PlanError", "PlanProblem", "load_plan", "read_plan"]
