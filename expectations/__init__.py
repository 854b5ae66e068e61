"""The validation gate: one Great Expectations suite per published table.

Import `expectations.gate` for `validate` and `GateResult`; this package module stays free of
Great Expectations so that importing the package costs nothing.
"""
