"""Adapters that speak to people: the console and Discord front ends and the CLI."""
