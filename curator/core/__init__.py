"""Qt-free core: frozen dataclasses, the schema model, pure review logic, CSV export."""
