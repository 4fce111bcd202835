/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one sanitising helper behind every human-readable output and every
 * CSV text cell (issue 9, items 7-9). Expected strings are written out by
 * hand: U+FFFD is "\xEF\xBF\xBD" in UTF-8. */

#include "config.h"

#include <string.h>

#include "hu-core.h"

#define R "\xEF\xBF\xBD"

typedef struct {
  const char *in;
  const char *multi_line;   /* HU_TEXT_NONE */
  const char *one_line;     /* HU_TEXT_ONE_LINE */
} PrintableCase;

static const PrintableCase printable_cases[] = {
  { "plain ñandú × 10²²", "plain ñandú × 10²²", "plain ñandú × 10²²" },
  /* OSC "set title" ended by BEL, then "clear screen" (issue 9, item 8). */
  { "\x1b]0;PWNED\a\x1b[2J", R "]0;PWNED" R R "[2J", R "]0;PWNED" R R "[2J" },
  { "a\nb\tc", "a\nb\tc", "a b c" },
  { "a\r\nb", "a\nb", "a b" },
  /* A lone CR would move the cursor back over what was printed. */
  { "safe\rEVIL", "safe EVIL", "safe EVIL" },
  { "nul\x01" "del\x7f", "nul" R "del" R, "nul" R "del" R },
  /* C1: U+009B is CSI on terminals that take 8-bit controls; U+0085 NEL. */
  { "x\xc2\x9b" "2Jy\xc2\x85z", "x" R "2Jy" R "z", "x" R "2Jy" R "z" },
  /* Not UTF-8: each bad byte is shown as U+FFFD, the rest is kept. */
  { "ok\xff\xfeok", "ok" R R "ok", "ok" R R "ok" },
  /* U+00A0 and U+00A9 are just above C1: kept. */
  { "\xc2\xa0\xc2\xa9", "\xc2\xa0\xc2\xa9", "\xc2\xa0\xc2\xa9" },
};

static void
test_printable (gconstpointer data)
{
  const PrintableCase *c = data;
  g_autofree char *multi = hu_text_printable (c->in, HU_TEXT_NONE);
  g_autofree char *one = hu_text_printable (c->in, HU_TEXT_ONE_LINE);

  g_assert_cmpstr (multi, ==, c->multi_line);
  g_assert_cmpstr (one, ==, c->one_line);
  g_assert_true (g_utf8_validate (multi, -1, NULL));
  g_assert_cmpint (hu_text_is_printable (c->in, HU_TEXT_NONE), ==,
                   g_str_equal (c->in, c->multi_line));
  g_assert_cmpint (hu_text_is_printable (c->in, HU_TEXT_ONE_LINE), ==,
                   g_str_equal (c->in, c->one_line));
}

static void
test_printable_null (void)
{
  g_assert_null (hu_text_printable (NULL, HU_TEXT_NONE));
  g_assert_true (hu_text_is_printable (NULL, HU_TEXT_ONE_LINE));
}

typedef struct {
  const char *in;
  const char *field;       /* as written in the file */
} CsvCase;

static const CsvCase csv_cases[] = {
  /* The CodeCarbon project_name: DDE in Excel. */
  { "=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0" },
  { "+1+2", "'+1+2" },
  { "-2+3", "'-2+3" },
  { "@SUM(A1:A9)", "'@SUM(A1:A9)" },
  { "\t=1", "'\t=1" },
  /* A CR forces quoting as well. */
  { "\r=1", "\"'\r=1\"" },
  { "=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" },
  /* Only the first character counts. */
  { "a=b", "a=b" },
  { " =1", " =1" },
  { "plain, with comma", "\"plain, with comma\"" },
  { "", "" },
};

static void
test_csv (gconstpointer data)
{
  const CsvCase *c = data;
  g_autoptr(GString) out = g_string_new (NULL);

  hu_text_append_csv_text (out, c->in);
  g_assert_cmpstr (out->str, ==, c->field);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (printable_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/huella/text/printable/%u", i);
      g_test_add_data_func (path, &printable_cases[i], test_printable);
    }
  g_test_add_func ("/huella/text/printable-null", test_printable_null);
  for (guint i = 0; i < G_N_ELEMENTS (csv_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/huella/text/csv/%u", i);
      g_test_add_data_func (path, &csv_cases[i], test_csv);
    }

  return g_test_run ();
}
