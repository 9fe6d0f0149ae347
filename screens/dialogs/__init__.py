"""Modal dialogs: confirm, export, pickers, filters, help."""
