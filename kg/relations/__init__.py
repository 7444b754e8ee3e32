"""Doc → typed relations between an article's entities, each citing its sentence."""
