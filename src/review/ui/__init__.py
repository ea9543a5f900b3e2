"""The Textual review UI. Only ``review.commands.open`` imports it, so other commands never
pay for Textual."""
