"""Cheap tokenisation: normalised forms, offsets, and Sudachi's input limit."""

from __future__ import annotations

from clausecheck.analysis.tokens import SUDACHI_MAX_BYTES, chunk_text, norm_string, tokeniser_for


def test_japanese_normalised_forms_fold_okurigana() -> None:
    tokens = tokeniser_for("ja").tokenize("乙は、従業員の引き抜き行為を行い、資料を取り扱う。")
    norms = [t.norm for t in tokens]
    assert "引き抜き" in norms or "引き抜く" in norms
    assert "取り扱う" in norms
    text = "乙は、従業員の引き抜き行為を行い、資料を取り扱う。"
    for t in tokens:
        assert text[t.start : t.end] == t.surface


def test_english_lemmas_and_offsets() -> None:
    text = "The Licensee terminates the Agreements and assigns its rights."
    tokens = tokeniser_for("en").tokenize(text)
    assert norm_string(tokens).split()[:6] == ["the", "licensee", "terminate", "the", "agreement", "and"]
    assert all(text[t.start : t.end] == t.surface for t in tokens)


def test_long_text_is_chunked_below_sudachi_limit() -> None:
    text = "甲は乙に通知する。" * 8000  # ≈ 216 kB of UTF-8, four times Sudachi's limit
    chunks = chunk_text(text)
    assert len(chunks) > 1
    assert all(len(c.encode("utf-8")) < SUDACHI_MAX_BYTES for _, c in chunks)
    assert "".join(c for _, c in chunks) == text
    assert all(text[o : o + len(c)] == c for o, c in chunks)
    tokens = tokeniser_for("ja").tokenize(text)
    assert tokens[-1].end == len(text)
