/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The carbon intensity's unit has one home, hu-units-ratings.c
 * (hu_units_intensity_symbol(), hu_units_format_intensity()). Issue 10
 * found it written three ways ("g/kWh", "gCO₂eq/kWh", "g CO₂eq/kWh") by
 * hand in a dozen places; this test reads every source under src/ and
 * every template under ui/ and fails on a string that writes it again.
 * Comments may name the unit: only string literals (and a template's
 * text) count.
 */

#include <string.h>

#include <glib.h>

/* "g/kWh", "gCO₂eq/kWh", "g CO2e/kWh", "kg/kWh": grams (or kilograms)
 * of CO₂ per kWh. "Wh/kWh" (a conversion factor) is no intensity. */
#define INTENSITY_UNIT "g\\s*(CO₂|CO2)?\\s*(eq|e)?\\s*/\\s*kWh"

static GRegex *
intensity_regex (void)
{
  return g_regex_new (INTENSITY_UNIT, G_REGEX_CASELESS, 0, NULL);
}

/* The string literals of C source @text, each as one line of the
 * result, with the line they start on: comments and character
 * constants are skipped, escapes kept as written. */
static GPtrArray *
c_string_literals (const char *text)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  guint line = 1;
  const char *p = text;

  while (*p != '\0')
    {
      if (p[0] == '/' && p[1] == '*')
        {
          for (p += 2; *p != '\0' && !(p[0] == '*' && p[1] == '/'); p++)
            line += *p == '\n';
          p += *p != '\0' ? 2 : 0;
        }
      else if (p[0] == '/' && p[1] == '/')
        {
          while (*p != '\0' && *p != '\n')
            p++;
        }
      else if (*p == '"' || *p == '\'')
        {
          char quote = *p++;
          GString *lit = g_string_new (NULL);
          guint start = line;

          while (*p != '\0' && *p != quote && *p != '\n')
            {
              if (*p == '\\' && p[1] != '\0')
                g_string_append_c (lit, *p++);
              g_string_append_c (lit, *p++);
            }
          if (*p == quote)
            p++;
          if (quote == '"')
            g_ptr_array_add (out, g_strdup_printf ("%u:%s", start, lit->str));
          g_string_free (lit, TRUE);
        }
      else
        {
          line += *p == '\n';
          p++;
        }
    }
  return out;
}

/* The places in @text (a C source, or a .ui template when @template)
 * that write the intensity's unit, as "LINE: text"; empty when none. */
static GPtrArray *
find_hand_written (const char *text,
                   gboolean    template)
{
  g_autoptr(GRegex) regex = intensity_regex ();
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);

  if (template)
    {
      g_autoptr(GRegex) comment = g_regex_new ("<!--.*?-->", G_REGEX_DOTALL, 0, NULL);
      g_autofree char *bare = g_regex_replace_literal (comment, text, -1, 0, "", 0, NULL);
      g_auto(GStrv) lines = g_strsplit (bare, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        if (g_regex_match (regex, lines[i], 0, NULL))
          g_ptr_array_add (found, g_strdup_printf ("%s", g_strstrip (lines[i])));
      return found;
    }

  {
    g_autoptr(GPtrArray) literals = c_string_literals (text);

    for (guint i = 0; i < literals->len; i++)
      if (g_regex_match (regex, literals->pdata[i], 0, NULL))
        g_ptr_array_add (found, g_strdup (literals->pdata[i]));
  }
  return found;
}

/* The scanner itself: it must catch each way the unit was written, and
 * leave comments and other units alone, or the test below could not
 * fail. */
static void
test_scanner (void)
{
  static const struct {
    const char *source;
    guint       found;
  } cases[] = {
    { "x = _(\"%s × %s g/kWh\");", 1 },
    { "x = _(\"gCO₂eq/kWh\");", 1 },
    { "set (_(\"%s g CO₂eq/kWh\"), n);", 1 },
    { "{ \"intensity\", N_(\"Carbon intensity [gCO2eq/kWh]\") },", 1 },
    { "f (\"0.385 kg/kWh\");", 1 },
    { "/* 400 g/kWh, \"57 g/kWh\" */ x = 1;", 0 },
    { "// \"57 g/kWh\"\nx = 1;", 0 },
    { "x = _(\"÷ %s Wh/kWh\"); c = '\"'; /* g/kWh */", 0 },
    { "x = \"a \\\" g/kWh\";", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) found = find_hand_written (cases[i].source, FALSE);

      g_test_message ("%s", cases[i].source);
      g_assert_cmpuint (found->len, ==, cases[i].found);
    }

  {
    g_autoptr(GPtrArray) found = NULL;

    found = find_hand_written ("<!-- 57 g/kWh -->\n<property name=\"label\">x</property>", TRUE);
    g_assert_cmpuint (found->len, ==, 0);
    g_ptr_array_unref (found);
    found = find_hand_written ("<property name=\"label\" translatable=\"yes\">g/kWh</property>",
                               TRUE);
    g_assert_cmpuint (found->len, ==, 1);
  }
}

static void
scan_folder (const char *path,
             GString    *report,
             guint      *n_files)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_autofree char *text = NULL;
      g_autoptr(GPtrArray) found = NULL;
      gboolean template = g_str_has_suffix (name, ".ui");

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          scan_folder (child, report, n_files);
          continue;
        }
      /* The unit's one home. */
      if (g_str_equal (name, "hu-units-ratings.c"))
        continue;
      if (!template && !g_str_has_suffix (name, ".c") && !g_str_has_suffix (name, ".h"))
        continue;
      g_assert_true (g_file_get_contents (child, &text, NULL, NULL));
      (*n_files)++;
      found = find_hand_written (text, template);
      for (guint i = 0; i < found->len; i++)
        g_string_append_printf (report, "%s:%s\n", child, (char *) found->pdata[i]);
    }
}

/* No source but hu-units-ratings.c writes the intensity's unit. */
static void
test_sources (void)
{
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "..", "src", NULL);
  g_autofree char *ui = g_test_build_filename (G_TEST_DIST, "..", "ui", NULL);
  g_autoptr(GString) report = g_string_new (NULL);
  guint n_files = 0;

  scan_folder (src, report, &n_files);
  if (g_file_test (ui, G_FILE_TEST_IS_DIR))
    scan_folder (ui, report, &n_files);
  /* The tree was found and read: the app, the CLI and the core are
   * hundreds of files. */
  g_assert_cmpuint (n_files, >, 100);
  if (report->len > 0)
    g_test_message ("the carbon intensity's unit is written by hand; take it from "
                    "hu_units_intensity_symbol() or hu_units_format_intensity():\n%s",
                    report->str);
  g_assert_cmpstr (report->str, ==, "");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/unit-strings/scanner", test_scanner);
  g_test_add_func ("/unit-strings/sources", test_sources);
  return g_test_run ();
}
