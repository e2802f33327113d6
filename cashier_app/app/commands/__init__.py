"""Subcommands of `cashier-app`: one module each, discovered by cli.py through `register(registry)`."""
