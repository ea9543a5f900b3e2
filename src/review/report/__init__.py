"""The correction report: ``model`` computes every figure once, as frozen values; ``html``,
``markdown``, ``json_format`` and ``csv_format`` only render them."""
