"""The correction report: ``model`` computes every figure once, as frozen values (``errors``
says which errors the quality score counts); ``html``, ``markdown``, ``json_format`` and
``csv_format`` only render them, and ``formats`` registers them for ``review report``."""
