"""Modal forms over one model each, and the kit they share."""
