"""The Textual console: the crisis staff's face of the plan and the journal."""
