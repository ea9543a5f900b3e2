"""Whole projects: the files a command is given (``files``), checked one after another in a
fixed order (``check``), with progress on stderr (``progress``) and the project report's figures
(``report``)."""
