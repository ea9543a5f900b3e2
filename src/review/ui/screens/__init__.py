"""Screens of the review UI: the main screen, help, and the small modal dialogs."""
