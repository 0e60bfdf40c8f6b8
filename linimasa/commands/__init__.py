"""The command line's commands, one module per group (:mod:`linimasa.cli` gathers them)."""
