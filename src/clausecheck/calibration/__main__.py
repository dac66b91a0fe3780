"""``python -m clausecheck.calibration``: see :mod:`clausecheck.calibration.cli`."""

from clausecheck.calibration.cli import calibration

calibration(prog_name="python -m clausecheck.calibration")
