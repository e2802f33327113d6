"""Test code shared by several test folders (imported as tests.helpers.NAME)."""
