"""The TUI's data layer: scanning steps, finding rows, contract text, files. No Textual here."""
