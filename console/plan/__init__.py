"""The plan as data: the schema, loading with line-numbered errors, readiness checks.

Imports nothing from Textual or the console: the command line, the console and
the reports all read the plan through `console.plan.loader.load_plan`. The
package itself imports nothing, so that reading the file (`console.plan.source`)
does not load the schema: the console shows its first frame before that.
"""
