"""Word's number formats (``w:numFmt``): an integer to the text Word displays.

The sequences follow ECMA-376 Part 1, 17.18.59 (ST_NumberFormat). Each formatter takes n ≥ 0;
formats with a finite alphabet cycle or fall back to decimal past its end, as Word does.
"""

from __future__ import annotations

from collections.abc import Callable

_FULL_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
_KANJI_DIGITS = "〇一二三四五六七八九"
_LEGAL_DIGITS = "〇壱弐参四伍六七八九"
_TRADITIONAL = "甲乙丙丁戊己庚辛壬癸"
_ZODIAC = "子丑寅卯辰巳午未申酉戌亥"
_AIUEO_FULL = (
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
)
_AIUEO_HALF = (
    "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝ"
)
_IROHA_FULL = (
    "イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス"
)
_IROHA_HALF = "ｲﾛﾊﾆﾎﾍﾄﾁﾘﾇﾙｦﾜｶﾖﾀﾚｿﾂﾈﾅﾗﾑｳヰﾉｵｸﾔﾏｹﾌｺｴﾃｱｻｷﾕﾒﾐｼヱﾋﾓｾｽ"
_CIRCLED = "".join(chr(c) for c in range(0x2460, 0x2474)) + "".join(chr(c) for c in range(0x3251, 0x3260)) + "".join(
    chr(c) for c in range(0x32B1, 0x32C0)
)  # ① … ⑳, ㉑ … ㉟, ㊱ … ㊿
_PAREN = "".join(chr(c) for c in range(0x2474, 0x2488))  # ⑴ … ⒇
_FULLSTOP = "".join(chr(c) for c in range(0x2488, 0x249C))  # ⒈ … ⒛
_ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORDINAL_WORDS = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
                  "nine": "ninth", "twelve": "twelfth"}


def decimal(n: int) -> str:
    return str(n)


def letters(n: int, *, upper: bool) -> str:
    """a … z, aa … zz, aaa …: Word repeats the letter rather than counting in base 26."""
    if n <= 0:
        return str(n)
    letter = chr(ord("A" if upper else "a") + (n - 1) % 26)
    return letter * ((n - 1) // 26 + 1)


def roman(n: int, *, upper: bool) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, sym in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                       (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        count, n = divmod(n, value)
        out.append(sym * count)
    text = "".join(out)
    return text.upper() if upper else text


def japanese_counting(n: int, *, digits: str = _KANJI_DIGITS, units: str = "十百千万", legal: bool = False) -> str:
    """一, 十, 十一, 二十, 百, 千二百三十四, 一万 …: the way Japanese writes numbers in words.

    The legal (大字) style writes every unit with its digit: 壱拾, 壱百 (a forger cannot prefix one).
    """
    if n == 0:
        return digits[0]
    if n >= 10**8:
        return str(n)
    out = ""
    if n >= 10000:
        out += japanese_counting(n // 10000, digits=digits, units=units, legal=legal) + units[3]
        n %= 10000
    for value, unit in ((1000, units[2]), (100, units[1]), (10, units[0])):
        count, n = divmod(n, value)
        if count:
            out += ("" if count == 1 and not legal else digits[count]) + unit
    if n:
        out += digits[n]
    return out


def ideograph_digital(n: int) -> str:
    """Digit by digit: 10 → 一〇."""
    return "".join(_KANJI_DIGITS[int(d)] for d in str(n))


def ten_thousand(n: int) -> str:
    """Digit by digit with 万 marking the ten-thousands: 10000 → 一万, 12345 → 一万二三四五."""
    high, low = divmod(n, 10000)
    if not high:
        return ideograph_digital(n)
    return ideograph_digital(high) + "万" + (ideograph_digital(low).rjust(4, "〇") if low else "")


def cycle(alphabet: str) -> Callable[[int], str]:
    def fmt(n: int) -> str:
        return alphabet[(n - 1) % len(alphabet)] if n > 0 else str(n)

    return fmt


def enclosed(alphabet: str, *, outside: Callable[[int], str]) -> Callable[[int], str]:
    def fmt(n: int) -> str:
        return alphabet[n - 1] if 0 < n <= len(alphabet) else outside(n)

    return fmt


def cardinal_text(n: int) -> str:
    if n < 20:
        return _ONES[n] or "zero"
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + ("-" + _ONES[ones] if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return _ONES[hundreds] + " hundred" + (" " + cardinal_text(rest) if rest else "")
    return str(n)


def ordinal_text(n: int) -> str:
    words = cardinal_text(n)
    head, sep, last = words.rpartition("-") if "-" in words else words.rpartition(" ")
    if last in _ORDINAL_WORDS:
        last = _ORDINAL_WORDS[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return head + sep + last


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": decimal,
    "decimalZero": lambda n: f"{n:02d}" if 0 <= n < 10 else str(n),
    "decimalHalfWidth": decimal,
    "decimalFullWidth": lambda n: str(n).translate(_FULL_DIGITS),
    "decimalFullWidth2": lambda n: str(n).translate(_FULL_DIGITS),
    "lowerLetter": lambda n: letters(n, upper=False),
    "upperLetter": lambda n: letters(n, upper=True),
    "lowerRoman": lambda n: roman(n, upper=False),
    "upperRoman": lambda n: roman(n, upper=True),
    "decimalEnclosedCircle": enclosed(_CIRCLED, outside=decimal),
    "decimalEnclosedCircleChinese": enclosed(_CIRCLED, outside=decimal),
    "decimalEnclosedParen": enclosed(_PAREN, outside=lambda n: f"({n})"),
    "decimalEnclosedFullstop": enclosed(_FULLSTOP, outside=lambda n: f"{n}."),
    "ideographTraditional": cycle(_TRADITIONAL),
    "ideographZodiac": cycle(_ZODIAC),
    "ideographDigital": ideograph_digital,
    "japaneseCounting": japanese_counting,
    "japaneseLegal": lambda n: japanese_counting(n, digits=_LEGAL_DIGITS, units="拾百阡萬", legal=True),
    "japaneseDigitalTenThousand": ten_thousand,
    "chineseCounting": japanese_counting,
    "chineseCountingThousand": japanese_counting,
    "aiueo": cycle(_AIUEO_HALF),
    "aiueoFullWidth": cycle(_AIUEO_FULL),
    "iroha": cycle(_IROHA_HALF),
    "irohaFullWidth": cycle(_IROHA_FULL),
    "ordinal": ordinal,
    "cardinalText": lambda n: cardinal_text(n).capitalize(),
    "ordinalText": lambda n: ordinal_text(n).capitalize(),
    "none": lambda n: "",
}


def format_number(n: int, fmt: str) -> str | None:
    """``n`` in format ``fmt``, or ``None`` for a format this module does not know."""
    formatter = FORMATS.get(fmt)
    return formatter(n) if formatter is not None else None
