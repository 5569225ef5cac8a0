"""Allows ``python -m oit_checker``."""

from oit_checker.cli import main

main()
