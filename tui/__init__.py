"""No Contact Coach: a calm terminal coach for the weeks after a breakup.

This package's top level imports nothing heavy, so the quick commands stay quick.
"""

__version__ = "0.1.0"
