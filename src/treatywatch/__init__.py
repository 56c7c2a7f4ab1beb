"""treatywatch: the Migrant Workers Convention, its record, its rules and its public information."""

__version__ = "0.1.0"
