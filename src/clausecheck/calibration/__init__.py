"""Calibration data: adapters that turn public English contract datasets (CUAD, ContractNLI) into
``clausecheck eval`` label files. The correspondence tables are :data:`cuad.CATEGORIES` and
:data:`contractnli.RULES`; ``calibration/README.md`` explains them and how to regenerate.
"""
