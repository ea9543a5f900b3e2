"""Widgets of the review UI: they render what they are given and post messages up."""
