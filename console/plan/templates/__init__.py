"""The plan template `drp init` writes, its comments translated by `console.plan.template`."""
