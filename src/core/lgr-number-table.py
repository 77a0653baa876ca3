#!/usr/bin/env python3
# Writes lgr-number-table.h: 10^k for every k lgr-number.c needs, as a 128-bit mantissa c (top bit
# set, rounded to nearest) and a binary exponent b with 10^k ~= c * 2^b.
#
#   python3 src/core/lgr-number-table.py > src/core/lgr-number-table.h
#   clang-format -i src/core/lgr-number-table.h
#
# SPDX-License-Identifier: GPL-3.0-or-later
from fractions import Fraction

K_MIN, K_MAX = -296, 344

print("/* lgr-number-table.h: powers of ten for lgr-number.c, written by lgr-number-table.py.")
print(" *")
print(" * Entry k - LGR_POW10_MIN is 10^k ~= (hi * 2^64 + lo) * 2^exp, the mantissa rounded to")
print(" * nearest with its top bit set (relative error at most 2^-128).")
print(" *")
print(" * SPDX-License-Identifier: GPL-3.0-or-later")
print(" */")
print("#pragma once")
print()
print("#include <glib.h>")
print()
print(f"#define LGR_POW10_MIN ({K_MIN})")
print(f"#define LGR_POW10_MAX {K_MAX}")
exact_max = max(k for k in range(0, K_MAX + 1) if 5 ** k < 2 ** 128)
print(f"/* 10^k is exact in the table for 0 <= k <= LGR_POW10_EXACT_MAX (5^k fits in 128 bits) */")
print(f"#define LGR_POW10_EXACT_MAX {exact_max}")
print()
print("typedef struct")
print("{")
print("  guint64 hi, lo;")
print("  int exp;")
print("} LgrPow10;")
print()
print("static const LgrPow10 lgr_pow10[] = {")
for k in range(K_MIN, K_MAX + 1):
    x = Fraction(10) ** k
    b = x.numerator.bit_length() - x.denominator.bit_length()
    # find b with 2^127 <= x / 2^b < 2^128
    while x / Fraction(2) ** b >= 2 ** 128:
        b += 1
    while x / Fraction(2) ** b < 2 ** 127:
        b -= 1
    scaled = x / Fraction(2) ** b
    c = (scaled.numerator * 2 + scaled.denominator) // (2 * scaled.denominator)  # nearest
    assert 2 ** 127 <= c < 2 ** 128, k
    print(f"  {{ 0x{c >> 64:016x}u, 0x{c & (2**64 - 1):016x}u, {b} }}, /* 1e{k} */")
print("};")
