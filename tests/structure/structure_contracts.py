"""Two complete contracts written as text, shared by the structure and show tests."""

from __future__ import annotations

from pathlib import Path

from clausecheck.document import Block, Document

EN_PREAMBLE = (
    'This Technology License Agreement (the "Agreement") is made on April 1, 2024 by and betwee'
    'n Tohto Seiko Co., Ltd., a Japanese corporation (hereinafter "Licensor"), and Northstar De'
    'vices Inc., a Delaware corporation ("Licensee"; each a "Party" and together the "Parties")'
    '.'
)

JA_CONTRACT = """\
技術ライセンス契約書

ライセンサーである東都精工株式会社（以下「甲」という。）と北辰電機株式会社（以下「乙」という。）は、甲が保有する技術情報（以下「本技術情報」という。）の実施許諾に関し、次のとおり契約（以下「本契約」という。）を締結する。

第１章　総則

（目的）
第１条　本契約は、甲が乙に対し本技術情報の実施を許諾する条件を定めることを目的とする。

第２条（定義）
本契約において「本製品」とは、本技術情報を用いて乙が製造する製品をいう。
２　本契約において「改良技術」とは、本技術情報の改良又は応用に係る技術をいう。

第２章　実施許諾

第３条　実施許諾
甲は、乙に対し、本契約の有効期間中、日本国内において本製品を製造し販売する非独占的な権利を許諾する。
２　乙は、前項の権利を第三者に再許諾してはならない。

第四条（対価）
乙は、甲に対し、次の各号に定める対価を支払う。
（１）一時金として金一千万円
（２）ランニングロイヤルティとして、本製品の正味販売価格の三パーセント
ア　四半期ごとに算定する
（３）その他甲乙協議の上定める金額

第５条
秘密保持
１　乙は、本技術情報を秘密として保持し、甲の事前の書面による承諾なく第三者に開示してはならない。
２　前項の規定は、次の各号のいずれかに該当する情報には適用しない。
一　開示の時点で既に公知であった情報
二　乙の責めによらず公知となった情報
三　正当な権限を有する第三者から秘密保持義務を負うことなく取得した情報

第５条の２（目的外使用の禁止）
乙は、本技術情報を本契約の目的以外に使用してはならない。

第３章　雑則

第６条（監査）
甲は、乙の事業所に立ち入り、本技術情報の管理状況を監査することができる。

第７条（契約期間）
本契約の有効期間は、締結日から五年間とする。

第８条（解除）
甲は、乙が次の各号のいずれかに該当したときは、何らの催告なく本契約を解除することができる。
（１）本契約に違反したとき
（２）乙の支配権に変動があったとき

第９条（準拠法）
本契約は日本法に準拠する。

第１０条（管轄）
本契約に関する紛争は、東京地方裁判所を第一審の専属的合意管轄裁判所とする。

第十一条（協議）
本契約に定めのない事項は、甲乙誠実に協議の上解決する。

本契約締結の証として、本書２通を作成し、甲乙記名押印の上、各１通を保有する。

２０２４年４月１日

甲　東京都千代田区丸の内一丁目１番１号
　　東都精工株式会社
乙　大阪府大阪市北区梅田二丁目２番２号
　　北辰電機株式会社

別紙１（対象技術）
1. 精密研削加工に関するノウハウ
2. 関連する図面一式

別紙２　対象地域
日本国
"""

EN_CONTRACT = """\
TECHNOLOGY LICENSE AGREEMENT

@EN_PREAMBLE@

PART I GENERAL

ARTICLE 1 – DEFINITIONS
1.1 "Licensed Technology" means the know-how described in Schedule 1.
1.2 "Products" means products manufactured by Licensee using the Licensed Technology.

Article 2 (Grant of License)
2.1 Licensor hereby grants to Licensee a non-exclusive license to use the Licensed Technology.
2.2 Licensee shall not sublicense any rights under Section 2.1 without Licensor's prior written consent.

Article 3
Confidentiality
3.1 Licensee shall keep the Licensed Technology strictly confidential.
3.2 The obligations in Section 3.1 do not apply to information that:
(a) is or becomes publicly available through no fault of Licensee;
(b) was lawfully in Licensee's possession before disclosure; or
(c) is independently developed by Licensee, provided that:
(i) such development is documented; and
(ii) no Licensed Technology was used.

Article 4 Royalties
Licensee shall pay Licensor a royalty of three percent (3%) of net sales.

PART II TERM AND TERMINATION

Article 5 Audit
Licensor may inspect Licensee's facilities upon reasonable notice.

Article 6 Term
This Agreement shall remain in force for five (5) years.

Article 7 Termination
7.1 Licensor may terminate this Agreement upon written notice if Licensee breaches Article 3.
7.2 Upon termination, Licensee shall return all Licensed Technology.

Article 8 Governing Law
This Agreement shall be governed by the laws of Japan.

Article 9 Dispute Resolution
Any dispute shall be finally settled by arbitration in Tokyo.

Article 10 Assignment
Neither Party may assign this Agreement without the prior written consent of the other Party.

Article 11 Entire Agreement
This Agreement constitutes the entire agreement between the Parties.

IN WITNESS WHEREOF, the Parties have executed this Agreement as of the date first written above.
Tohto Seiko Co., Ltd.
By: ____________
Northstar Devices Inc.
By: ____________

Schedule 1 – Licensed Technology
Precision grinding know-how.

Exhibit A
Form of Royalty Report
""".replace("@EN_PREAMBLE@", EN_PREAMBLE)


def document_of(text: str, *, path: str = "contract.txt") -> Document:
    """A Document with one block per non-empty line, as the text reader builds it."""
    from clausecheck.reading.text import read_text

    return read_text(Path(path), data=text.encode("utf-8"))


def blocks_document(*lines: str, **fields: object) -> Document:
    """A Document built directly from blocks (for Word-like inputs: labels, styles)."""
    blocks = tuple(Block(index=k, text=t) for k, t in enumerate(lines))
    return Document(path="x.docx", sha256="0" * 64, source_format="docx", view="accepted", blocks=blocks)
