from support.staff import client_for, loaded  # noqa: F401  (fixtures)
