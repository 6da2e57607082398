"""plancheck: check Safety Production Month plans against a superior's requirements."""

__version__ = "0.1.0"
