"""Training lessons (lessons.json): the field's exceptions, staged one at a time for a trainee."""
