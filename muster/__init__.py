"""Muster: tables of Russian military recruitment figures and who stands behind them."""

__version__ = "0.1.0"
