"""Pure record linkage for candidate screening (no Django); entry points in :mod:`.link`."""
