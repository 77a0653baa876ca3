/* lgr-number.h: the one way a number is written so that it reads back as the identical double.
 *
 * The text is the shortest of printf's "%.15g", "%.16g" and "%.17g" (in the C locale) that
 * lgr_parse_number() reads back as the identical double: 72.8, not 72.799999999999997; 1e+15;
 * -0. The decimal separator is always a dot, whatever the locale. Infinities and NaN, which a
 * study never holds, are written "inf", "-inf" and "nan".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Room for any number, with its terminating NUL ("-2.2250738585072014e-308" is 24 bytes). */
#define LGR_NUMBER_BUF_SIZE 32

/* Writes value into buffer, which has room for LGR_NUMBER_BUF_SIZE bytes, NUL-terminated, and
 * returns its length. Allocates nothing and keeps no state: for writers that stream. */
gsize lgr_number_to_buffer (double value, char *buffer);

/* The same text, newly allocated. */
char *lgr_number_to_string (double value);

G_END_DECLS
