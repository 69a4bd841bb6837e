"""The QR code of a page's address as SVG, made without segno's general machinery.

Why not segno alone: a build makes one code per page and language (22,000 at 5,000 pages in four
languages); segno spends about 1.5 ms on each (it is general: every mode, Micro QR, the mask
search, any writer option), which was a quarter of a cold build beyond rendering. The pages'
codes are all of one kind: an ASCII address (byte mode), error correction M raised as far as the
version allows, mask :data:`~phobien.stage.addresses.QR_MASK`, one SVG form. For that kind this
module does what the standard (ISO/IEC 18004) prescribes with what is constant worked out once
per version: the function patterns and where each data bit goes (:class:`_Layout`); per code
there remain the codewords, the Reed–Solomon remainders and the path. Its output is segno's
``make(url, error="m", mask=QR_MASK).save(kind="svg", scale=4, border=2, xmldecl=False)``, byte
for byte (tests/stage/test_qr.py compares them on every version; segno's tables of block
structure and alignment positions are read from segno itself), and anything else is left to
segno (:func:`fits`).
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

SCALE = 4
BORDER = 2
ERROR_ORDER = ("M", "Q", "H")
"""Level M, raised to Q or H when the data still fits the same version (segno's ``boost_error``)."""
_EC_BITS = {"L": 0b01, "M": 0b00, "Q": 0b11, "H": 0b10}
_ALPHANUMERIC = re.compile(r"[0-9A-Z $%*+\-./:]*")
MIN_LENGTH = 16
"""Shorter data might fit a Micro QR code, which segno would choose: left to segno."""
_PIECE = re.compile("0*1+")
"""A run of dark modules with the light ones before it in its row."""


@cache
def _move(piece: str) -> str:
    """The path of a run of dark modules after another in its row: move over the light ones, draw."""
    run = len(piece.lstrip("0"))
    return f"m{len(piece) - run} 0h{run}"


def fits(url: str) -> bool:
    """Whether :func:`qr_svg` makes this code (else segno does): ASCII, byte mode (segno picks
    numeric or alphanumeric mode for data that allows them), long enough not to be Micro QR."""
    return url.isascii() and len(url) >= MIN_LENGTH and _ALPHANUMERIC.fullmatch(url) is None


def _gf_tables() -> tuple[list[int], list[int]]:
    """Exponents and logarithms of GF(256) with the QR polynomial x⁸+x⁴+x³+x²+1."""
    exp, log = [0] * 512, [0] * 256
    x = 1
    for i in range(255):
        exp[i] = x
        log[x] = i
        x <<= 1
        if x & 0x100:
            x ^= 0x11D
    for i in range(255, 512):
        exp[i] = exp[i - 255]
    return exp, log


@cache
def _remainder_table(degree: int) -> tuple[int, ...]:
    """For each byte f, f times the generator polynomial of ``degree`` EC codewords (without its
    leading 1), as one integer of ``degree`` bytes: one step of the Reed–Solomon division."""
    exp, log = _gf_tables()
    gen = [1]
    for i in range(degree):  # ∏ (x − αⁱ)
        nxt = [0] * (len(gen) + 1)
        for j, c in enumerate(gen):
            nxt[j] ^= c
            if c:
                nxt[j + 1] ^= exp[log[c] + i]
        gen = nxt
    rows = []
    for f in range(256):
        row = bytes(exp[log[f] + log[g]] if f and g else 0 for g in gen[1:])
        rows.append(int.from_bytes(row, "big"))
    return tuple(rows)


def _ec_codewords(data: bytes, degree: int) -> bytes:
    table = _remainder_table(degree)
    shift, keep = 8 * (degree - 1), (1 << 8 * degree) - 1
    rem = 0
    for byte in data:
        rem = ((rem << 8) & keep) ^ table[byte ^ (rem >> shift)]
    return rem.to_bytes(degree, "big")


def _bch(data: int, bits: int, generator: int) -> int:
    """``data`` followed by the remainder of its division by ``generator`` (of degree ``bits``)."""
    rem = data << bits
    top = generator.bit_length() - 1
    for i in range(rem.bit_length() - 1, top - 1, -1):
        if rem >> i & 1:
            rem ^= generator << (i - top)
    return data << bits | rem


def _format_bits(error: str, mask: int) -> int:
    return _bch(_EC_BITS[error] << 3 | mask, 10, 0x537) ^ 0x5412


def _mask(mask: int, i: int, j: int) -> int:
    """The data mask patterns of the standard (row i, column j)."""
    conditions = (
        (i + j) % 2 == 0,
        i % 2 == 0,
        j % 3 == 0,
        (i + j) % 3 == 0,
        (i // 2 + j // 3) % 2 == 0,
        (i * j) % 2 + (i * j) % 3 == 0,
        ((i * j) % 2 + (i * j) % 3) % 2 == 0,
        ((i + j) % 2 + (i * j) % 3) % 2 == 0,
    )
    return int(conditions[mask])


@cache
def _segno_tables() -> tuple[Any, Any]:
    """The block structure (ECC) and alignment positions of every version, from segno's tables
    (segno is already a dependency; its tables are those of the standard)."""
    from segno import consts

    levels = {name: getattr(consts, f"ERROR_LEVEL_{name}") for name in "LMQH"}
    ecc = {
        (version, name): tuple((b.num_blocks, b.num_total, b.num_data) for b in consts.ECC[version][level])
        for version in range(1, 41)
        for name, level in levels.items()
    }
    return ecc, consts.ALIGNMENT_POS


@dataclass(frozen=True)
class _Layout:
    """What is the same in every code of one version, error level and mask."""

    size: int
    blocks: tuple[tuple[int, int, int], ...]
    """(blocks, codewords, data codewords) of each group."""
    data_bytes: int
    bits: int
    """Modules that hold data: codewords and remainder bits."""
    mask_bits: int
    """The mask over the data modules in placement order, as one integer (first module highest)."""
    gather: Any
    """operator.itemgetter taking the modules row by row from the data bits followed by the
    template (the function patterns, '0' and '1')."""
    template: str


def _function_patterns(version: int, size: int, fmt: int) -> dict[tuple[int, int], int]:
    """Every module that does not hold data, with its colour."""
    fixed: dict[tuple[int, int], int] = {}
    for top, left in ((0, 0), (0, size - 7), (size - 7, 0)):  # finders and their separators
        for i in range(-1, 8):
            for j in range(-1, 8):
                if 0 <= top + i < size and 0 <= left + j < size:
                    ring = max(abs(i - 3), abs(j - 3))
                    fixed[(top + i, left + j)] = int(ring != 2 and ring != 4)
    for k in range(8, size - 8):  # timing
        fixed[(6, k)] = fixed[(k, 6)] = int(k % 2 == 0)
    if version >= 2:
        positions = _segno_tables()[1][version - 2]
        first, last = positions[0], positions[-1]
        for x in positions:
            for y in positions:
                if (x, y) in ((first, first), (first, last), (last, first)):
                    continue
                for i in range(-2, 3):
                    for j in range(-2, 3):
                        fixed[(x + i, y + j)] = int(max(abs(i), abs(j)) != 1)
    for i in range(8):  # format information, as the standard places its 15 bits
        v, h = fmt >> i & 1, fmt >> (14 - i) & 1
        fixed[(i if i < 6 else i + 1, 8)] = v
        fixed[(8, i if i < 6 else i + 1)] = h
        fixed[(8, size - 1 - i)] = v
        fixed[(size - 1 - i, 8)] = h
    fixed[(size - 8, 8)] = 1  # the dark module
    if version >= 7:
        info = _bch(version, 12, 0x1F25)
        for i in range(6):
            for k in range(3):
                bit = info >> (i * 3 + k) & 1
                fixed[(size - 11 + k, i)] = fixed[(i, size - 11 + k)] = bit
    return fixed


@cache
def _layout(version: int, error: str, mask: int) -> _Layout:
    ecc = _segno_tables()[0][(version, error)]
    size = 4 * version + 17
    fixed = _function_patterns(version, size, _format_bits(error, mask))
    order: list[tuple[int, int]] = []  # two columns at a time from the right, up then down
    upwards = True
    for right in range(size - 1, 0, -2):
        if right <= 6:
            right -= 1  # the vertical timing pattern is skipped
        rows = range(size - 1, -1, -1) if upwards else range(size)
        order += [(i, j) for i in rows for j in (right, right - 1) if (i, j) not in fixed]
        upwards = not upwards
    mask_bits = int("".join(str(_mask(mask, i, j)) for i, j in order), 2)
    place = {pos: n for n, pos in enumerate(order)}
    cells = [(i, j) for i in range(size) for j in range(size)]
    template = "".join(str(fixed[c]) for c in cells if c in fixed)
    at_template = {c: len(order) + n for n, c in enumerate(c for c in cells if c in fixed)}
    gather = operator.itemgetter(*[place[c] if c in place else at_template[c] for c in cells])
    data_bytes = sum(blocks * data for blocks, _, data in ecc)
    return _Layout(size, ecc, data_bytes, len(order), mask_bits, gather, template)


def _version_and_error(length: int) -> tuple[int, str]:
    """The smallest version holding ``length`` bytes at level M, and the highest level that
    still holds them in that version."""
    ecc = _segno_tables()[0]
    for version in range(1, 41):
        need = 4 + (8 if version < 10 else 16) + 8 * length

        def capacity(error: str, version: int = version) -> int:
            return 8 * sum(blocks * data for blocks, _, data in ecc[(version, error)])

        if capacity("M") >= need:
            error = "M"
            for better in ERROR_ORDER[1:]:
                if capacity(better) < need:
                    break
                error = better
            return version, error
    raise ValueError(f"{length} bytes do not fit a QR code")


def _codewords(data: bytes, version: int, layout: _Layout) -> bytes:
    """Data codewords: mode, count, data, terminator, then as segno pads: to the byte boundary
    with 1 to 8 zero bits, then 0xEC 0x11 … up to the capacity."""
    count_bits = 8 if version < 10 else 16
    capacity = 8 * layout.data_bytes
    value, length = 0b0100, 4
    value = (value << count_bits | len(data)) << 8 * len(data) | int.from_bytes(data, "big")
    length += count_bits + 8 * len(data)
    terminator = min(capacity - length, 4)
    value, length = value << terminator, length + terminator
    pad = 8 - length % 8
    value, length = value << pad, length + pad
    out = value.to_bytes(length // 8, "big")
    filler = b"\xec\x11" * (layout.data_bytes // 2 + 1)
    return (out + filler[: max(0, capacity // 8 - length // 8)])[: layout.data_bytes]


def _final_bits(codewords: bytes, layout: _Layout) -> int:
    """The data and EC codewords interleaved block by block, then remainder bits: one integer."""
    data_blocks, ec_blocks = [], []
    at = 0
    for blocks, total, data in layout.blocks:
        for _ in range(blocks):
            block = codewords[at : at + data]
            at += data
            data_blocks.append(block)
            ec_blocks.append(_ec_codewords(block, total - data))
    count, short = len(data_blocks), min(len(b) for b in data_blocks)
    stream = bytearray(short * count)  # column by column: the k-th codeword of every block
    for n, block in enumerate(data_blocks):
        stream[n::count] = block[:short]
    stream += bytes(b[short] for b in data_blocks if len(b) > short)  # the longer blocks come last
    ec = bytearray(len(ec_blocks[0]) * count)
    for n, block in enumerate(ec_blocks):
        ec[n::count] = block
    stream += ec
    remainder = layout.bits - 8 * len(stream)
    return int.from_bytes(stream, "big") << remainder


def modules(url: str, mask: int) -> tuple[int, list[str]]:
    """The size and the rows ('0' light, '1' dark) of the code of ``url`` (:func:`fits`)."""
    data = url.encode("ascii")
    version, error = _version_and_error(len(data))
    layout = _layout(version, error, mask)
    bits = _final_bits(_codewords(data, version, layout), layout) ^ layout.mask_bits
    cells = "".join(layout.gather(format(bits, f"0{layout.bits}b") + layout.template))
    size = layout.size
    return size, [cells[i : i + size] for i in range(0, size * size, size)]


def svg(url: str, mask: int) -> bytes:
    """The SVG that segno writes for this code with scale 4, border 2 and no XML declaration:
    one path of the dark runs of each row, in relative moves."""
    size, rows = modules(url, mask)
    width = (size + 2 * BORDER) * SCALE
    moves: list[str] = []
    x, y = 0, 0.0
    for i, row in enumerate(rows):
        pieces = _PIECE.findall(row)
        if not pieces:
            continue
        row_y, first = BORDER + 0.5 + i, pieces[0]
        run = len(first.lstrip("0"))
        x1, dy = BORDER + len(first) - run, row_y - y
        moves.append(f"{'m' if moves else 'M'}{x1 - x} {int(dy) if int(dy) == dy else dy}h{run}")
        moves += [_move(piece) for piece in pieces[1:]]
        x, y = BORDER + len(row.rstrip("0")), row_y
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{width}" class="segno">'
        f'<path transform="scale({SCALE})" class="qrline" stroke="#000" d="{"".join(moves)}"/></svg>\n'
    ).encode("ascii")
