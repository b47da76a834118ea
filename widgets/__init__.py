"""Tillitskursen's Python package: self-tests, simulation models, explorers and site tooling."""
