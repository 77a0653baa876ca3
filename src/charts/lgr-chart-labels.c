/* lgr-chart-labels.c: the labels beside a chart's points (payback, peak funding, crossover),
 * placed where they cross no series line, no marker and no other label.
 *
 * A label tries places around its point, nearest first; when none is free it goes to the
 * nearest free place in the plot with a thin leader line back to its point. What a label must
 * not cross is one list (lgr_chart_layout_obstacles()), which the tests read too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-chart-private.h"

#include <math.h>

/* Liang-Barsky clipping: whether any part of the segment lies in rect. */
gboolean
lgr_chart_segment_hits_rect (const LgrChartSegment *s, const LgrChartRect *r)
{
  double t0 = 0, t1 = 1, dx = s->x1 - s->x0, dy = s->y1 - s->y0;
  const double p[4] = { -dx, dx, -dy, dy };
  const double q[4]
      = { s->x0 - r->x, r->x + r->width - s->x0, s->y0 - r->y, r->y + r->height - s->y0 };
  for (int i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      double t = q[i] / p[i];
      if (p[i] < 0)
        t0 = MAX (t0, t);
      else
        t1 = MIN (t1, t);
      if (t0 > t1)
        return FALSE;
    }
  return TRUE;
}

void
lgr_chart_layout_obstacles (const LgrChartLayout *layout, guint p, gboolean with_leaders,
                            GArray *segments, GArray *boxes)
{
  const LgrChartPanel *panel = &layout->panels[p];
  const LgrChartData *data = layout->data;
  /* a marker's box with room for its outline and for the triangles' points */
  double ms = layout->theme->marker_size * layout->unit * 1.3;
  guint step = lgr_chart_marker_step (layout, panel);

  for (guint i = 0; i < data->series->len; i++)
    {
      const LgrChartSeries *s = g_ptr_array_index (data->series, i);
      if (s->type != LGR_SERIES_LINE || s->panel != p)
        continue;
      for (guint t = 0; t < data->n_years; t++)
        {
          if (!isfinite (s->values[t]))
            continue;
          double x = lgr_band_axis_centre (&panel->x, t);
          double y = lgr_chart_panel_y (panel, s->values[t]);
          if (t > 0 && isfinite (s->values[t - 1]))
            {
              LgrChartSegment seg = { lgr_band_axis_centre (&panel->x, t - 1),
                                      lgr_chart_panel_y (panel, s->values[t - 1]), x, y };
              g_array_append_val (segments, seg);
            }
          if (s->marker != G_MAXUINT && t % step == 0)
            {
              LgrChartRect box = { x - ms / 2, y - ms / 2, ms, ms };
              g_array_append_val (boxes, box);
            }
        }
    }
  /* the zero line, which the payback and crossover marks sit on */
  if (panel->y.min <= 0 && panel->y.max >= 0)
    {
      double y0 = lgr_chart_panel_y (panel, 0);
      LgrChartSegment zero = { panel->plot.x, y0, panel->plot.x + panel->plot.width, y0 };
      g_array_append_val (segments, zero);
    }
  /* the marks' rings */
  double r = 7 * layout->unit;
  for (guint i = 0; i < data->marks->len; i++)
    {
      const LgrChartMark *m = &g_array_index (data->marks, LgrChartMark, i);
      if (m->panel != p)
        continue;
      LgrChartRect ring = { lgr_band_axis_centre (&panel->x, m->index) - r,
                            lgr_chart_panel_y (panel, m->value) - r, 2 * r, 2 * r };
      g_array_append_val (boxes, ring);
    }
  /* the leader lines drawn so far */
  for (guint i = 0; with_leaders && i < layout->leaders->len; i++)
    g_array_append_val (segments, g_array_index (layout->leaders, LgrChartSegment, i));
}

typedef struct
{
  GArray *segments; /* of LgrChartSegment */
  GArray *boxes;    /* of LgrChartRect */
} Obstacles;

static gboolean
covers_data (const Obstacles *o, const LgrChartRect *box)
{
  for (guint i = 0; i < o->segments->len; i++)
    if (lgr_chart_segment_hits_rect (&g_array_index (o->segments, LgrChartSegment, i), box))
      return TRUE;
  for (guint i = 0; i < o->boxes->len; i++)
    if (lgr_chart_rect_intersects (&g_array_index (o->boxes, LgrChartRect, i), box))
      return TRUE;
  return FALSE;
}

static gboolean
free_place (const LgrChartLayout *layout, const Obstacles *o, const LgrChartRect *bounds,
            const LgrChartRect *box, gboolean avoid_data)
{
  return lgr_chart_rect_contains (bounds, box) && !lgr_chart_label_collides (layout, box)
         && (!avoid_data || !covers_data (o, box));
}

/* The mark's colour, pulled towards the text colour so it reads as text on the background. */
static LgrRgba
label_colour (const LgrChartTheme *theme, LgrRgba c)
{
  const double k = 0.35;
  return (LgrRgba){ c.r + (theme->text.r - c.r) * k, c.g + (theme->text.g - c.g) * k,
                    c.b + (theme->text.b - c.b) * k, 1.0 };
}

/* Places around the point, nearest first: below (or above), above, right, left, the corners,
 * each further out on the next ring. */
static gboolean
place_near (const LgrChartLayout *layout, const Obstacles *o, const LgrChartRect *bounds, double px,
            double py, double w, double h, double halo, gboolean prefer_below, gboolean avoid_data,
            LgrChartRect *chosen)
{
  double off = 9 * layout->unit;
  const double cx[] = { -w / 2, -w / 2, off, -off - w, off, -off - w, off, -off - w };
  const double cy_below[] = { off, -off - h, -h / 2, -h / 2, off, off, -off - h, -off - h };
  for (int ring = 1; ring <= 4; ring++)
    for (guint i = 0; i < G_N_ELEMENTS (cx); i++)
      {
        double dy = cy_below[i];
        if (!prefer_below && (i == 0 || i == 1))
          dy = cy_below[1 - i];
        double grow = (ring - 1) * 1.6 * off;
        double dx = cx[i] + (cx[i] > 0 ? grow : cx[i] < -w / 2 - 1 ? -grow : 0);
        dy += dy > 0 ? grow : dy < -h / 2 - 1 ? -grow : 0;
        LgrChartRect box = { px + dx - halo, py + dy - halo, w + 2 * halo, h + 2 * halo };
        if (free_place (layout, o, bounds, &box, avoid_data))
          {
            *chosen = box;
            return TRUE;
          }
      }
  return FALSE;
}

static gboolean
leader_crosses_label (const LgrChartLayout *layout, const LgrChartSegment *leader)
{
  for (guint i = 0; i < layout->labels->len; i++)
    if (lgr_chart_segment_hits_rect (leader, &g_array_index (layout->labels, LgrChartLabel, i).box))
      return TRUE;
  return FALSE;
}

/* Whether segments a and b cross, a's first end aside (a leader starts on its own line). */
static gboolean
segments_cross (const LgrChartSegment *a, const LgrChartSegment *b)
{
  double rx = a->x1 - a->x0, ry = a->y1 - a->y0, sx = b->x1 - b->x0, sy = b->y1 - b->y0;
  double den = rx * sy - ry * sx;
  if (fabs (den) < 1e-12)
    return FALSE;
  double qx = b->x0 - a->x0, qy = b->y0 - a->y0;
  double t = (qx * sy - qy * sx) / den, u = (qx * ry - qy * rx) / den;
  double len = hypot (rx, ry);
  return t * len > 1.0 && t <= 1 && u >= 0 && u <= 1;
}

/* The lines a leader crosses; the zero line (the one segment across the whole plot) is no
 * matter: a leader from below zero to a label above has to cross it. */
static guint
leader_crossings (const Obstacles *o, const LgrChartRect *plot, const LgrChartSegment *leader)
{
  guint n = 0;
  for (guint i = 0; i < o->segments->len; i++)
    {
      const LgrChartSegment *s = &g_array_index (o->segments, LgrChartSegment, i);
      if (s->y0 == s->y1 && s->x0 == plot->x && s->x1 == plot->x + plot->width)
        continue;
      n += segments_cross (leader, s);
    }
  return n;
}

/* The free place in the plot nearest the point, on a grid of half a line: for the leader. */
static gboolean
place_far (const LgrChartLayout *layout, const Obstacles *o, const LgrChartRect *bounds, double px,
           double py, double w, double h, gboolean leader_clear, LgrChartRect *chosen)
{
  double step = MAX (h / 2, 1.0);
  double best = G_MAXDOUBLE;
  guint nx = (guint)MIN (floor ((bounds->width - w) / step) + 1, 2000.0);
  guint ny = (guint)MIN (floor ((bounds->height - h) / step) + 1, 2000.0);
  if (bounds->width < w || bounds->height < h)
    return FALSE;
  for (guint j = 0; j < ny; j++)
    for (guint i = 0; i < nx; i++)
      {
        LgrChartRect box = { bounds->x + i * step, bounds->y + j * step, w, h };
        double cx = CLAMP (px, box.x, box.x + w), cy = CLAMP (py, box.y, box.y + h);
        LgrChartSegment leader = { px, py, cx, cy };
        double d = hypot (cx - px, cy - py);
        if (d >= best || !free_place (layout, o, bounds, &box, TRUE)
            || (leader_clear && leader_crosses_label (layout, &leader)))
          continue;
        /* a leader across a line costs as much as a longer one around it */
        d += 40 * layout->unit * leader_crossings (o, bounds, &leader);
        if (d >= best)
          continue;
        best = d;
        *chosen = box;
      }
  return best < G_MAXDOUBLE;
}

gboolean
lgr_chart_place_label (LgrChartLayout *layout, cairo_t *cr, guint p, const char *text, double px,
                       double py, gboolean prefer_below, LgrRgba colour)
{
  const LgrChartPanel *panel = &layout->panels[p];
  const LgrChartTheme *theme = layout->theme;
  double u = layout->unit;
  g_autoptr (PangoLayout) pl = lgr_chart_text_layout (&layout->text, LGR_TEXT_ANNOTATION, text, 0);
  double w, h;
  lgr_chart_text_size (pl, &w, &h);
  double halo = 2 * u;
  LgrChartRect bounds = panel->plot;
  LgrChartRect chosen = { 0 };
  g_autoptr (GArray) segments = g_array_new (FALSE, FALSE, sizeof (LgrChartSegment));
  g_autoptr (GArray) boxes = g_array_new (FALSE, FALSE, sizeof (LgrChartRect));
  lgr_chart_layout_obstacles (layout, p, TRUE, segments, boxes);
  Obstacles o = { segments, boxes };
  gboolean leader = FALSE;

  /* beside the point; else anywhere free, with a leader clear of the other labels, or across
   * them in a crowd; else beside it across a line, which beats no figure at all (only a plot
   * too small for its labels gets there) */
  if (!place_near (layout, &o, &bounds, px, py, w, h, halo, prefer_below, TRUE, &chosen))
    {
      leader
          = place_far (layout, &o, &bounds, px, py, w + 2 * halo, h + 2 * halo, TRUE, &chosen)
            || place_far (layout, &o, &bounds, px, py, w + 2 * halo, h + 2 * halo, FALSE, &chosen);
      if (!leader
          && !place_near (layout, &o, &bounds, px, py, w, h, halo, prefer_below, FALSE, &chosen))
        return FALSE;
    }
  double ex = CLAMP (px, chosen.x, chosen.x + chosen.width);
  double ey = CLAMP (py, chosen.y, chosen.y + chosen.height);
  if (leader)
    {
      LgrChartSegment seg = { px, py, ex, ey };
      g_array_append_val (layout->leaders, seg);
    }
  if (cr && leader)
    {
      cairo_save (cr);
      lgr_chart_set_source (cr, label_colour (theme, colour));
      cairo_set_line_width (cr, 1 * u);
      cairo_move_to (cr, px, py);
      cairo_line_to (cr, ex, ey);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  if (cr)
    {
      LgrRgba plate = theme->background;
      plate.a = 0.85;
      lgr_chart_set_source (cr, plate);
      cairo_rectangle (cr, chosen.x, chosen.y, chosen.width, chosen.height);
      cairo_fill (cr);
    }
  lgr_chart_draw_label (layout, cr, pl, LGR_TEXT_ANNOTATION, chosen.x + halo, chosen.y + halo,
                        FALSE, label_colour (theme, colour));
  /* record the halo too, so the next label keeps its distance */
  g_array_index (layout->labels, LgrChartLabel, layout->labels->len - 1).box = chosen;
  return TRUE;
}
