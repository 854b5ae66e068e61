"""Figures in text: numbers, units, what they measure, hedges."""
