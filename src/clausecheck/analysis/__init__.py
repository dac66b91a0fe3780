"""Language analysis behind a seam: sentence splitting, cheap tokenisation, and (on candidates
only) a full parse. The heavy models load lazily, on first use, with an install hint if missing.
"""
