"""Pages for countertransference moments, annotations, review, agreement and the taxonomy."""
