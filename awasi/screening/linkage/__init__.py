"""Pure record linkage for candidate screening (no Django): see :mod:`.link` for the entry points."""
