"""The one exception base of the project; the CLI prints its message as `Error: ...`."""


class ChronologyError(Exception):
    """A problem the user can act on; its message is one line that names the input and reason."""


class InputError(ChronologyError):
    """An input file or folder that cannot be read."""
