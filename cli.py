"""`python cli.py ...` does what the `plancheck` command does."""

from compliance.cli import entry_point

if __name__ == "__main__":
    entry_point()
