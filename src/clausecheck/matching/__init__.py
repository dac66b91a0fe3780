"""Matching: contract passages + clause library + playbook → findings.

Pure code over frozen values. Every score is traceable to a signal of the clause file.
"""
