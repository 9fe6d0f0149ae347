"""What screens share that is not a screen: the base screen, key tables, helpers."""
