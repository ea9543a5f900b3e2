"""The project report: one report over a project's files (``model``), each file's figures from
its own ``review.report.model.Report``, and the renderers of ``PROJECT_FORMATS``."""
