/* SPDX-License-Identifier: GPL-3.0-or-later */

/* How the chart's own text breaks its lines (issue 10 item 10). */

#include "config.h"

#include <locale.h>

#include "hu-core.h"
#include "hu-chart.h"
#include "hu-chart-private.h"
#include "../test-init.h"

/* The editor's mini chart beside a phone-wide form: four bars in 300 px,
 * names longer than their slots ("solicitudes" is wider than its 63 px).
 * Each label wraps between words only and Pango adds no hyphen of its
 * own (issue 10 item 10: "request-s a day"): every line after the first
 * starts after a space. Before, "Inferencia:" was broken before its
 * colon. */
static void
test_labels_break_between_words (void)
{
  g_autoptr(HuChart) chart = hu_chart_new (HU_CHART_BARS);
  const char *names[] = { "Serving 10,000 requests a day", "RTX A6000",
                          "Inferencia: 10.000 solicitudes al día", "Lifecycle with serving" };
  Layout *layout;
  guint s, wrapped = 0;

  hu_chart_set_unit_kind (chart, HU_UNIT_MASS_KG);
  s = hu_chart_add_series (chart, "CO2");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    hu_chart_set_value (chart, s, hu_chart_add_category (chart, names[i], i == 0), 1000.0 * (i + 1));

  layout = _hu_chart_ensure_layout (chart, 300, 260, NULL);
  for (guint i = 0; i < layout->texts->len; i++)
    {
      TextItem *t = g_ptr_array_index (layout->texts, i);
      const char *text = pango_layout_get_text (t->layout);
      PangoAttrList *attrs = pango_layout_get_attributes (t->layout);
      GSList *lines;

      /* Labels of one line are cut, never broken. */
      if (pango_layout_get_width (t->layout) <= 0 || pango_layout_get_height (t->layout) >= -1)
        continue;
      lines = pango_layout_get_lines_readonly (t->layout);
      for (GSList *l = lines != NULL ? lines->next : NULL; l != NULL; l = l->next)
        {
          PangoLayoutLine *line = l->data;

          g_assert_cmpint (line->start_index, >, 0);
          if (text[line->start_index - 1] != ' ')
            g_error ("“%s” is broken inside a word at byte %d", text, line->start_index);
          wrapped++;
        }
      g_assert_nonnull (attrs);
      {
        g_autoptr(PangoAttrIterator) iter = pango_attr_list_get_iterator (attrs);
        PangoAttrInt *hyphens =
          (PangoAttrInt *) pango_attr_iterator_get (iter, PANGO_ATTR_INSERT_HYPHENS);

        g_assert_nonnull (hyphens);
        g_assert_false (hyphens->value);
      }
    }
  /* The long names did wrap: the test saw lines to check. */
  g_assert_cmpuint (wrapped, >=, 2);
}

int
main (int    argc,
      char **argv)
{
  core_test_init (&argc, &argv);

  g_test_add_func ("/huella/chart/labels/break-between-words", test_labels_break_between_words);
  return g_test_run ();
}
