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
#include <string.h>

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
  GArray *lines;    /* of LgrChartSegment: segments but the zero line, for the leaders */
} Obstacles;

static gboolean
covers_data (const Obstacles *o, const LgrChartRect *box)
{
  /* a segment a pixel or more away from the box cannot touch it: most are, at two or four
   * comparisons instead of the clipping's divisions */
  double x0 = box->x - 1, x1 = box->x + box->width + 1;
  double y0 = box->y - 1, y1 = box->y + box->height + 1;
  for (guint i = 0; i < o->segments->len; i++)
    {
      const LgrChartSegment *s = &g_array_index (o->segments, LgrChartSegment, i);
      if (MAX (s->x0, s->x1) < x0 || MIN (s->x0, s->x1) > x1 || MAX (s->y0, s->y1) < y0
          || MIN (s->y0, s->y1) > y1)
        continue;
      if (lgr_chart_segment_hits_rect (s, box))
        return TRUE;
    }
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

/* What the labels of panel p must not cross, the leaders drawn so far included: gathered for
 * the panel's first label of a draw, then only the new leaders added. */
static Obstacles
panel_obstacles (LgrChartLayout *layout, guint p)
{
  const LgrChartRect *plot = &layout->panels[p].plot;
  if (layout->obstacle_segments == NULL)
    {
      layout->obstacle_segments = g_array_new (FALSE, FALSE, sizeof (LgrChartSegment));
      layout->obstacle_lines = g_array_new (FALSE, FALSE, sizeof (LgrChartSegment));
      layout->obstacle_boxes = g_array_new (FALSE, FALSE, sizeof (LgrChartRect));
    }
  if (layout->obstacles_panel != p + 1)
    {
      g_array_set_size (layout->obstacle_segments, 0);
      g_array_set_size (layout->obstacle_lines, 0);
      g_array_set_size (layout->obstacle_boxes, 0);
      lgr_chart_layout_obstacles (layout, p, FALSE, layout->obstacle_segments,
                                  layout->obstacle_boxes);
      layout->obstacles_panel = p + 1;
      layout->obstacles_leaders = 0;
      for (guint i = 0; i < layout->obstacle_segments->len; i++)
        {
          const LgrChartSegment *s = &g_array_index (layout->obstacle_segments, LgrChartSegment, i);
          /* the zero line is no matter to a leader: one from below zero to a label above has to
           * cross it */
          if (s->y0 != s->y1 || s->x0 != plot->x || s->x1 != plot->x + plot->width)
            g_array_append_val (layout->obstacle_lines, *s);
        }
    }
  for (; layout->obstacles_leaders < layout->leaders->len; layout->obstacles_leaders++)
    {
      const LgrChartSegment *s
          = &g_array_index (layout->leaders, LgrChartSegment, layout->obstacles_leaders);
      g_array_append_val (layout->obstacle_segments, *s);
      if (s->y0 != s->y1 || s->x0 != plot->x || s->x1 != plot->x + plot->width)
        g_array_append_val (layout->obstacle_lines, *s);
    }
  return (Obstacles){ layout->obstacle_segments, layout->obstacle_boxes, layout->obstacle_lines };
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

/* A leader with what every crossing test needs of it, worked out once per leader. */
typedef struct
{
  LgrChartSegment s;
  double rx, ry, len;    /* its direction and length */
  double x0, y0, x1, y1; /* its bounding box, grown by a pixel */
} Leader;

static void
leader_init (Leader *l, const LgrChartSegment *s)
{
  l->s = *s;
  l->rx = s->x1 - s->x0, l->ry = s->y1 - s->y0;
  l->len = hypot (l->rx, l->ry);
  /* a pixel of slack, so that rounding in the exact test never meets a box test that says no */
  l->x0 = MIN (s->x0, s->x1) - 1, l->x1 = MAX (s->x0, s->x1) + 1;
  l->y0 = MIN (s->y0, s->y1) - 1, l->y1 = MAX (s->y0, s->y1) + 1;
}

/* Whether the leader crosses a label drawn so far; labels a pixel or more off its box are
 * passed over at once. */
static gboolean
leader_crosses_label (const LgrChartLayout *layout, const Leader *leader)
{
  for (guint i = 0; i < layout->labels->len; i++)
    {
      const LgrChartRect *r = &g_array_index (layout->labels, LgrChartLabel, i).box;
      if (r->x > leader->x1 || r->x + r->width < leader->x0 || r->y > leader->y1
          || r->y + r->height < leader->y0)
        continue;
      if (lgr_chart_segment_hits_rect (&leader->s, r))
        return TRUE;
    }
  return FALSE;
}

/* Whether the leader crosses segment b, its first end aside (a leader starts on its own line). */
static gboolean
leader_crosses (const Leader *a, const LgrChartSegment *b)
{
  /* segments whose boxes are apart cannot cross: most of them, at two comparisons or four */
  if (MAX (b->x0, b->x1) < a->x0 || MIN (b->x0, b->x1) > a->x1 || MAX (b->y0, b->y1) < a->y0
      || MIN (b->y0, b->y1) > a->y1)
    return FALSE;
  double rx = a->rx, ry = a->ry, sx = b->x1 - b->x0, sy = b->y1 - b->y0;
  double den = rx * sy - ry * sx;
  if (fabs (den) < 1e-12)
    return FALSE;
  double qx = b->x0 - a->s.x0, qy = b->y0 - a->s.y0;
  double t = (qx * sy - qy * sx) / den, u = (qx * ry - qy * rx) / den;
  return t * a->len > 1.0 && t <= 1 && u >= 0 && u <= 1;
}

/* The lines a leader crosses (o's segments but the zero line). */
static guint
leader_crossings (const Obstacles *o, const Leader *leader)
{
  guint n = 0;
  for (guint i = 0; i < o->lines->len; i++)
    n += leader_crosses (leader, &g_array_index (o->lines, LgrChartSegment, i));
  return n;
}

/* How many free places far from the point a label's leader is tried to, nearest first. */
#define MAX_FAR_TRIES 64

typedef struct
{
  double distance; /* from the point to the nearest edge of the box */
  double x, y;
} Candidate;

/* Which cells of a grid over the plot anything a label must clear touches, summed (a
 * summed-area table), so that a box is known clear of everything in constant time. Coarse and
 * on the safe side: a box it calls clear is then checked exactly. */
typedef struct
{
  double x0, y0, step;
  guint nx, ny;  /* cells */
  guint32 *sums; /* (nx + 1) x (ny + 1) */
  guint8 *taken; /* nx x ny, while marking */
} Occupancy;

/* Marks the cells from (i0, j0) to (i1, j1), those on the grid. */
static void
occupancy_mark_cells (Occupancy *g, int i0, int j0, int i1, int j1)
{
  if (i1 < 0 || j1 < 0 || i0 >= (int)g->nx || j0 >= (int)g->ny)
    return;
  i0 = MAX (i0, 0), j0 = MAX (j0, 0);
  i1 = MIN (i1, (int)g->nx - 1), j1 = MIN (j1, (int)g->ny - 1);
  for (int j = j0; j <= j1; j++)
    memset (g->taken + (gsize)j * g->nx + i0, 1, i1 - i0 + 1);
}

static void
occupancy_mark (Occupancy *g, double x0, double y0, double x1, double y1)
{
  /* off the grid (most boxes, for the search near a point): nothing to work out */
  if (MAX (x0, x1) < g->x0 || MAX (y0, y1) < g->y0 || MIN (x0, x1) > g->x0 + (g->nx + 1) * g->step
      || MIN (y0, y1) > g->y0 + (g->ny + 1) * g->step)
    return;
  occupancy_mark_cells (g, (int)floor ((MIN (x0, x1) - g->x0) / g->step),
                        (int)floor ((MIN (y0, y1) - g->y0) / g->step),
                        (int)floor ((MAX (x0, x1) - g->x0) / g->step),
                        (int)floor ((MAX (y0, y1) - g->y0) / g->step));
}

static void
occupancy_init (Occupancy *g, const LgrChartLayout *layout, const Obstacles *o,
                const LgrChartRect *bounds, double step)
{
  g->x0 = bounds->x, g->y0 = bounds->y, g->step = step;
  g->nx = (guint)ceil (bounds->width / step) + 1;
  g->ny = (guint)ceil (bounds->height / step) + 1;
  g->taken = g_new0 (guint8, (gsize)g->nx * g->ny);
  for (guint i = 0; i < o->boxes->len; i++)
    {
      const LgrChartRect *r = &g_array_index (o->boxes, LgrChartRect, i);
      occupancy_mark (g, r->x, r->y, r->x + r->width, r->y + r->height);
    }
  for (guint i = 0; i < layout->labels->len; i++)
    {
      const LgrChartRect *r = &g_array_index (layout->labels, LgrChartLabel, i).box;
      occupancy_mark (g, r->x, r->y, r->x + r->width, r->y + r->height);
    }
  /* a segment as pieces no longer than a cell, each marking the cells of its box */
  for (guint i = 0; i < o->segments->len; i++)
    {
      const LgrChartSegment *s = &g_array_index (o->segments, LgrChartSegment, i);
      /* a segment a pixel or more off the grid marks nothing (the search near the point has a
       * small grid, and most lines are elsewhere) */
      if (MAX (s->x0, s->x1) < g->x0 - 1 || MAX (s->y0, s->y1) < g->y0 - 1
          || MIN (s->x0, s->x1) > g->x0 + g->nx * step + 1
          || MIN (s->y0, s->y1) > g->y0 + g->ny * step + 1)
        continue;
      double len = hypot (s->x1 - s->x0, s->y1 - s->y0);
      guint n = (guint)MIN (ceil (len / step), 100000.0) + 1;
      /* the cell of each end of a piece, worked out once for the two pieces it ends: a piece
       * marks the cells between its ends' (floor keeps the order, so the cells of its box) */
      int ia = (int)floor ((s->x0 - g->x0) / step), ja = (int)floor ((s->y0 - g->y0) / step);
      for (guint k = 0; k < n; k++)
        {
          double b = (double)(k + 1) / n;
          int ib = (int)floor ((s->x0 + (s->x1 - s->x0) * b - g->x0) / step);
          int jb = (int)floor ((s->y0 + (s->y1 - s->y0) * b - g->y0) / step);
          occupancy_mark_cells (g, MIN (ia, ib), MIN (ja, jb), MAX (ia, ib), MAX (ja, jb));
          ia = ib, ja = jb;
        }
    }
  g->sums = g_new0 (guint32, (gsize)(g->nx + 1) * (g->ny + 1));
  for (guint j = 0; j < g->ny; j++)
    for (guint i = 0; i < g->nx; i++)
      g->sums[(gsize)(j + 1) * (g->nx + 1) + i + 1]
          = g->taken[(gsize)j * g->nx + i] + g->sums[(gsize)j * (g->nx + 1) + i + 1]
            + g->sums[(gsize)(j + 1) * (g->nx + 1) + i] - g->sums[(gsize)j * (g->nx + 1) + i];
  g_clear_pointer (&g->taken, g_free);
}

/* Whether the box might touch something: any taken cell under it. */
static gboolean
occupancy_taken (const Occupancy *g, const LgrChartRect *box)
{
  int i0 = CLAMP ((int)floor ((box->x - g->x0) / g->step), 0, (int)g->nx - 1);
  int i1 = CLAMP ((int)floor ((box->x + box->width - g->x0) / g->step), 0, (int)g->nx - 1);
  int j0 = CLAMP ((int)floor ((box->y - g->y0) / g->step), 0, (int)g->ny - 1);
  int j1 = CLAMP ((int)floor ((box->y + box->height - g->y0) / g->step), 0, (int)g->ny - 1);
  gsize w = g->nx + 1;
  return g->sums[(j1 + 1) * w + i1 + 1] - g->sums[j0 * w + i1 + 1] - g->sums[(j1 + 1) * w + i0]
             + g->sums[j0 * w + i0]
         != 0;
}

/* The free place in bounds (the plot or a part of it) nearest the point, on a grid of half a
 * line (at most 200 a side of the plot): for the leader. Places are tried nearest first, so the search stops at the first free one
 * whose leader crosses nothing. */
static gboolean
place_far (const LgrChartLayout *layout, const Obstacles *o, const LgrChartRect *plot,
           const LgrChartRect *bounds, double px, double py, double w, double h,
           LgrChartRect *chosen, guint *crossings)
{
  if (bounds->width < w || bounds->height < h)
    return FALSE;
  double step = MAX (MAX (h / 2, 1.0), MAX (plot->width, plot->height) / 200);
  guint nx = (guint)floor ((bounds->width - w) / step) + 1;
  guint ny = (guint)floor ((bounds->height - h) / step) + 1;
  Occupancy grid;
  occupancy_init (&grid, layout, o, bounds, step);
  /* every leader runs from the point into bounds: the lines a pixel or more off both cannot
   * cross one (the search near the point keeps a few of the plot's lines) */
  double lx0 = MIN (bounds->x, px) - 1, lx1 = MAX (bounds->x + bounds->width, px) + 1;
  double ly0 = MIN (bounds->y, py) - 1, ly1 = MAX (bounds->y + bounds->height, py) + 1;
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (LgrChartSegment));
  for (guint i = 0; i < o->lines->len; i++)
    {
      const LgrChartSegment *s = &g_array_index (o->lines, LgrChartSegment, i);
      if (MAX (s->x0, s->x1) >= lx0 && MIN (s->x0, s->x1) <= lx1 && MAX (s->y0, s->y1) >= ly0
          && MIN (s->y0, s->y1) <= ly1)
        g_array_append_val (lines, *s);
    }
  Obstacles near = { o->segments, o->boxes, lines };
  /* the places clear of the grid, nearest first: sorted by distance in whole steps (a counting
   * sort, as the places are many and the distances few) */
  g_autoptr (GArray) all = g_array_sized_new (FALSE, FALSE, sizeof (Candidate), nx * ny);
  guint n_buckets = (guint)ceil (hypot (bounds->width, bounds->height) / step) + 2;
  g_autofree guint *start = g_new0 (guint, n_buckets + 1);
  for (guint j = 0; j < ny; j++)
    for (guint i = 0; i < nx; i++)
      {
        Candidate c = { 0, bounds->x + i * step, bounds->y + j * step };
        LgrChartRect box = { c.x, c.y, w, h };
        if (occupancy_taken (&grid, &box))
          continue;
        double dx = CLAMP (px, c.x, c.x + w) - px, dy = CLAMP (py, c.y, c.y + h) - py;
        c.distance = sqrt (dx * dx + dy * dy); /* not hypot(): tens of thousands a label */
        g_array_append_val (all, c);
        start[MIN ((guint)(c.distance / step), n_buckets - 1) + 1]++;
      }
  g_free (grid.sums);
  for (guint b = 0; b < n_buckets; b++)
    start[b + 1] += start[b];
  g_autoptr (GArray) candidates = g_array_sized_new (FALSE, FALSE, sizeof (Candidate), all->len);
  g_array_set_size (candidates, all->len);
  for (guint k = 0; k < all->len; k++)
    {
      const Candidate *c = &g_array_index (all, Candidate, k);
      guint b = MIN ((guint)(c->distance / step), n_buckets - 1);
      g_array_index (candidates, Candidate, start[b]++) = *c;
    }

  double best = G_MAXDOUBLE;
  guint n_tried = 0;
  for (guint k = 0; k < candidates->len; k++)
    {
      const Candidate *c = &g_array_index (candidates, Candidate, k);
      if (floor (c->distance / step) * step >= best)
        break; /* every place left is further */
      /* the grid has already kept every place that might touch the data out: only the bounds
       * and the labels are checked again. A crowded chart (16 scenarios) has thousands of free
       * places at about the same distance, each leader counted against every line: the nearest
       * MAX_FAR_TRIES are enough to find one that crosses little. */
      if (n_tried >= MAX_FAR_TRIES)
        break;
      LgrChartRect box = { c->x, c->y, w, h };
      if (c->distance >= best || !free_place (layout, o, bounds, &box, FALSE))
        continue;
      n_tried++;
      LgrChartSegment seg = { px, py, CLAMP (px, box.x, box.x + w), CLAMP (py, box.y, box.y + h) };
      Leader leader;
      leader_init (&leader, &seg);
      /* a leader across a line costs as much as a longer one around it; one across another
       * label only serves in a crowd where nothing else is free */
      guint n = leader_crossings (&near, &leader);
      double d = c->distance + 40 * layout->unit * n
                 + (leader_crosses_label (layout, &leader) ? 1e6 * layout->unit : 0);
      if (d < best)
        {
          best = d;
          *chosen = box;
          *crossings = n;
        }
    }
  return best < G_MAXDOUBLE;
}

/* The place of the mark's label in the layout followed, if it hung on a leader there. */
static const LgrChartPlacement *
previous_place (const LgrChartLayout *layout, guint mark, LgrMarkKind kind, guint p)
{
  for (guint i = 0; layout->previous && i < layout->previous->len; i++)
    {
      const LgrChartPlacement *c = &g_array_index (layout->previous, LgrChartPlacement, i);
      if (c->mark == mark && c->kind == kind && c->panel == p)
        return c->found && c->leader ? c : NULL;
    }
  return NULL;
}

/* A label on a leader at its place in the layout followed, moved with its point (as the labels
 * beside their points move, so a drag moves label, leader and point together), its edge nearest
 * the point kept if the text changed size. Taken only if the search would take it: inside the
 * plot, clear of every line, marker and label, its leader across no label and across no more
 * lines than the place was found with. */
static gboolean
place_again (const LgrChartLayout *layout, const Obstacles *o, const LgrChartRect *bounds,
             const LgrChartPlacement *before, double px, double py, double w, double h,
             LgrChartRect *chosen, guint *crossings)
{
  const LgrChartRect *b = &before->box;
  LgrChartRect box = { b->x, b->y, w, h };
  if (w != b->width && b->x + b->width <= before->px)
    box.x = b->x + b->width - w;
  if (h != b->height && b->y + b->height <= before->py)
    box.y = b->y + b->height - h;
  box.x += px - before->px, box.y += py - before->py;
  if (!free_place (layout, o, bounds, &box, TRUE))
    return FALSE;
  LgrChartSegment seg = { px, py, CLAMP (px, box.x, box.x + w), CLAMP (py, box.y, box.y + h) };
  Leader leader;
  leader_init (&leader, &seg);
  if (leader_crosses_label (layout, &leader))
    return FALSE;
  guint n = leader_crossings (o, &leader);
  if (n > before->crossings)
    return FALSE;
  *chosen = box;
  *crossings = n;
  return TRUE;
}

gboolean
lgr_chart_place_label (LgrChartLayout *layout, cairo_t *cr, guint mark)
{
  const LgrChartMark *m = &g_array_index (layout->data->marks, LgrChartMark, mark);
  guint p = m->panel;
  const LgrChartPanel *panel = &layout->panels[p];
  const LgrChartTheme *theme = layout->theme;
  double u = layout->unit;
  double px = lgr_band_axis_centre (&panel->x, m->index), py = lgr_chart_panel_y (panel, m->value);
  LgrRgba colour = m->colour;
  g_autoptr (PangoLayout) pl = lgr_chart_layout_text (layout, LGR_TEXT_ANNOTATION, m->text, 0);
  double w, h;
  lgr_chart_text_size (pl, &w, &h);
  double halo = 2 * u;
  LgrChartRect chosen = { 0 };
  gboolean found = TRUE, leader = FALSE, prefer_below = m->kind == LGR_MARK_PEAK;
  guint crossings = 0;

  /* the same places on every draw of the layout (a new highlighted year): found once */
  guint index = layout->n_placed++;
  if (index < layout->placements->len)
    {
      const LgrChartPlacement *c = &g_array_index (layout->placements, LgrChartPlacement, index);
      chosen = c->box, found = c->found, leader = c->leader;
    }
  else
    {
      LgrChartRect bounds = panel->plot;
      Obstacles o = panel_obstacles (layout, p);
      /* beside the point; else where it was in the step before, if still free; else the
       * nearest free place, with a leader; else beside it across a line, which beats no figure
       * at all (only a plot too small for its labels gets there) */
      if (!place_near (layout, &o, &bounds, px, py, w, h, halo, prefer_below, TRUE, &chosen))
        {
          const LgrChartPlacement *before = previous_place (layout, mark, m->kind, p);
          /* first among the places within a dozen lines of the point (a few thousand), then
           * anywhere in the plot (up to 40,000): most labels find room close by */
          double r = 12 * (h + 2 * halo);
          LgrChartRect near = { MAX (px - r, bounds.x), MAX (py - r, bounds.y), 0, 0 };
          near.width = MIN (px + r, bounds.x + bounds.width) - near.x;
          near.height = MIN (py + r, bounds.y + bounds.height) - near.y;
          leader = (before
                    && place_again (layout, &o, &bounds, before, px, py, w + 2 * halo, h + 2 * halo,
                                    &chosen, &crossings))
                   || place_far (layout, &o, &bounds, &near, px, py, w + 2 * halo, h + 2 * halo,
                                 &chosen, &crossings)
                   || place_far (layout, &o, &bounds, &bounds, px, py, w + 2 * halo, h + 2 * halo,
                                 &chosen, &crossings);
          found = leader
                  || place_near (layout, &o, &bounds, px, py, w, h, halo, prefer_below, FALSE,
                                 &chosen);
        }
      LgrChartPlacement c = { chosen, found, leader, mark, m->kind, p, px, py, crossings };
      g_array_append_val (layout->placements, c);
    }
  if (!found)
    return FALSE;
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
