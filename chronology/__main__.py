"""`python -m chronology` is the `chronology` command."""

from chronology.cli import main

main()
