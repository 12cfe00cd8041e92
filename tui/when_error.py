"""The date parser's own error, in a module small enough for the command line to import at once."""


class WhenError(ValueError):
    """Text that is not a date or time we can use; the message is one sentence for the person.

    The command line turns it into exit 2; a date field shows it under the field.
    """
