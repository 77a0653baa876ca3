/* test-png.c: the chart PNG encoder writes images that read back pixel for pixel. */
#include <cairo.h>
#include <glib.h>
#include <string.h>

#include "lgr-png.h"

static cairo_status_t
read_bytes (void *closure, unsigned char *data, unsigned int length)
{
  GBytes **rest = closure;
  gsize size = 0;
  const guint8 *p = g_bytes_get_data (*rest, &size);
  if (size < length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, p, length);
  GBytes *next = g_bytes_new_from_bytes (*rest, length, size - length);
  g_bytes_unref (*rest);
  *rest = next;
  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
decode (GByteArray *png)
{
  GBytes *rest = g_bytes_new (png->data, png->len);
  cairo_surface_t *image = cairo_image_surface_create_from_png_stream (read_bytes, &rest);
  g_bytes_unref (rest);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  return image;
}

/* A test picture: gradients, hard edges and antialiased text-like strokes. */
static void
paint_picture (cairo_surface_t *surface, double alpha)
{
  cairo_t *cr = cairo_create (surface);
  cairo_set_source_rgba (cr, 1, 1, 1, alpha);
  cairo_paint (cr);
  cairo_pattern_t *gradient = cairo_pattern_create_linear (0, 0, 300, 0);
  cairo_pattern_add_color_stop_rgba (gradient, 0, 0.1, 0.4, 0.8, alpha);
  cairo_pattern_add_color_stop_rgba (gradient, 1, 0.9, 0.3, 0.1, alpha);
  cairo_set_source (cr, gradient);
  cairo_rectangle (cr, 10, 10, 280, 60);
  cairo_fill (cr);
  cairo_pattern_destroy (gradient);
  cairo_set_source_rgba (cr, 0, 0.5, 0.2, alpha * 0.7);
  cairo_set_line_width (cr, 2.5);
  cairo_move_to (cr, 0, 150);
  for (int x = 0; x < 300; x += 10)
    cairo_line_to (cr, x, 100 + 40 * ((x / 10) % 2));
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
test_opaque_round_trip (void)
{
  cairo_surface_t *surface = lgr_png_image_surface_new (300, 160);
  cairo_surface_t *expected = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 300, 160);
  paint_picture (surface, 1.0);
  paint_picture (expected, 1.0);

  g_autoptr (GError) error = NULL;
  GByteArray *png = lgr_png_encode (surface, 1.0, &error);
  g_assert_no_error (error);
  g_assert_true (memcmp (png->data, "\x89PNG\r\n\x1a\n", 8) == 0);
  g_assert_true (memcmp (png->data + 12, "IHDR", 4) == 0);
  g_assert_cmpint (png->data[12 + 4 + 9], ==, 2); /* colour type RGB: no alpha for opaque */

  cairo_surface_t *image = decode (png);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 300);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 160);
  cairo_surface_flush (expected);
  for (int y = 0; y < 160; y++)
    g_assert_true (memcmp (cairo_image_surface_get_data (image)
                               + (gsize)y * cairo_image_surface_get_stride (image),
                           cairo_image_surface_get_data (expected)
                               + (gsize)y * cairo_image_surface_get_stride (expected),
                           300 * 4)
                   == 0);
  cairo_surface_destroy (image);
  cairo_surface_destroy (expected);
  cairo_surface_destroy (surface);
  g_byte_array_unref (png);
}

/* Transparent pixels keep their alpha; colours come back within premultiplication rounding. */
static void
test_transparent_round_trip (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 300, 160);
  cairo_surface_t *expected = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 300, 160);
  paint_picture (surface, 0.5);
  paint_picture (expected, 0.5);

  GByteArray *png = lgr_png_encode (surface, 2.0, NULL);
  g_assert_nonnull (png);
  g_assert_cmpint (png->data[12 + 4 + 9], ==, 6); /* RGBA */
  cairo_surface_t *image = decode (png);
  cairo_surface_flush (expected);
  for (int y = 0; y < 160; y++)
    for (int x = 0; x < 300; x++)
      {
        guint32 a = ((guint32 *)(cairo_image_surface_get_data (image)
                                 + (gsize)y * cairo_image_surface_get_stride (image)))[x];
        guint32 b = ((guint32 *)(cairo_image_surface_get_data (expected)
                                 + (gsize)y * cairo_image_surface_get_stride (expected)))[x];
        g_assert_cmpuint (a >> 24, ==, b >> 24);
        for (int shift = 0; shift < 24; shift += 8)
          g_assert_cmpint (ABS ((int)((a >> shift) & 0xff) - (int)((b >> shift) & 0xff)), <=, 1);
      }
  /* pHYs: 2 x 96 dpi = 7559 pixels a metre */
  guint at = 0;
  while (at + 12 <= png->len && memcmp (png->data + at, "pHYs", 4) != 0)
    at++;
  g_assert_cmpuint (at + 12, <=, png->len);
  const guint8 *phys = png->data + at;
  guint32 ppm = (guint32)phys[4] << 24 | (guint32)phys[5] << 16 | (guint32)phys[6] << 8 | phys[7];
  g_assert_cmpuint (ppm, ==, 7559);
  cairo_surface_destroy (image);
  cairo_surface_destroy (expected);
  cairo_surface_destroy (surface);
  g_byte_array_unref (png);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/charts/png/opaque-round-trip", test_opaque_round_trip);
  g_test_add_func ("/charts/png/transparent-round-trip", test_transparent_round_trip);
  return g_test_run ();
}
