"""PyInstaller entry point: the same as ``python -m curator``."""

from curator.app import main

main()
