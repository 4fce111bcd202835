/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <unistd.h>
#include <string.h>

#include "test-helpers.h"

static char *
tmp_path (const char *name)
{
  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  return g_build_filename (g_get_user_cache_dir (), name, NULL);
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
}

static HuProject *
load_path (const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  return hu_project_new_from_file (file, error);
}

/* load → save → load keeps every scenario's inputs and the keys this
 * version does not know, at the top level and inside scenarios. */
static void
test_round_trip (void)
{
  const char *names[] = { "gpt3-gpus.huella", "patterson2021.huella", "llama2.huella", "bloom.huella",
                          "bloom-lifecycle.huella", "serving-7b.huella" };

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autoptr(HuProject) a = load_example (names[n]);
      g_autoptr(HuProject) b = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *path = tmp_path (names[n]);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      GListModel *sa = G_LIST_MODEL (hu_project_get_scenarios (a));
      GListModel *sb;

      g_assert_cmpuint (g_list_model_get_n_items (sa), >, 0);
      g_assert_true (hu_project_save (a, file, &error));
      g_assert_no_error (error);
      b = load_path (path, &error);
      g_assert_no_error (error);
      sb = G_LIST_MODEL (hu_project_get_scenarios (b));

      g_assert_cmpstr (hu_project_get_title (a), ==, hu_project_get_title (b));
      g_assert_cmpuint (g_list_model_get_n_items (sa), ==, g_list_model_get_n_items (sb));
      for (guint i = 0; i < g_list_model_get_n_items (sa); i++)
        {
          g_autoptr(HuScenario) x = g_list_model_get_item (sa, i);
          g_autoptr(HuScenario) y = g_list_model_get_item (sb, i);
          g_assert_cmpstr (hu_scenario_get_id (x), ==, hu_scenario_get_id (y));
          g_assert_cmpstr (hu_scenario_get_name (x), ==, hu_scenario_get_name (y));
          g_assert_cmpstr (hu_scenario_get_notes (x), ==, hu_scenario_get_notes (y));
          g_assert_true (hu_inputs_equal (hu_scenario_get_inputs (x), hu_scenario_get_inputs (y)));
        }
    }
}

static void
test_unknown_keys (void)
{
  g_autofree char *path = tmp_path ("unknown.huella");
  g_autofree char *saved = NULL;
  g_autoptr(HuProject) p = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);

  write_file (path,
    "{\"format\":\"huella-project\",\"format-version\":1,\"title\":\"T\",\n"
    " \"x-future\":{\"a\":[1,2,3]},\n"
    " \"scenarios\":[{\"id\":\"s\",\"name\":\"S\",\"flops\":1e21,\"gpu\":\"nvidia-h100-sxm\",\n"
    "   \"x-scenario-note\":\"keep me\",\"region\":\"grid/FR\"}],\n"
    " \"runs\":[{\"id\":\"r\",\"source\":\"codecarbon\",\"energy_kwh\":1.5,\"x-run\":true}],\n"
    " \"custom-gpus\":[{\"id\":\"my-gpu\",\"tdp_w\":100,\"peak_tflops\":{\"fp16\":10}}]}\n");

  p = load_path (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (hu_catalog_lookup_gpu (hu_project_get_catalog (p), "my-gpu"));
  /* The custom GPU is the project's, not everyone's. */
  g_assert_null (hu_catalog_lookup_gpu (hu_catalog_get_default (), "my-gpu"));

  g_assert_true (hu_project_save (p, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "\"x-future\""));
  g_assert_nonnull (strstr (saved, "\"x-scenario-note\": \"keep me\""));
  g_assert_nonnull (strstr (saved, "\"x-run\": true"));
  g_assert_nonnull (strstr (saved, "\"custom-gpus\""));
  g_assert_nonnull (strstr (saved, "\"energy_kwh\": 1.5"));
}

/* Found by fuzz/fuzz-project.c: a scenario with no name and unknown keys
 * saved them in hash-table order, which depends on the keys the object
 * held before, so load → save → load → save changed the bytes. Unknown
 * keys must come back in the order the file gave them, at every level. */
static void
test_unknown_keys_order (void)
{
  static const char input[] =
    "{\"format\":\"huella-project\",\"format-version\":1,\"title\":\"T\",\n"
    " \"x-zeta\":1,\"x-alpha\":2,\"x-mid\":3,\"x-beta\":4,\n"
    " \"scenarios\":[{\"id\":\"scenario\",\"count\":200,\n"
    "   \"note?s\":\"n\",\"idame\":\"Evolved\",\"intennotes\":\"G\",\"utilizationUTF-8\":1,\n"
    "   \"zz\":0,\"aa\":0,\"mm\":0,\"bb\":0}],\n"
    " \"runs\":[{\"id\":\"r\",\"source\":\"codecarbon\",\"energy_kwh\":1.5,\n"
    "   \"x-r9\":1,\"x-r1\":2,\"x-r5\":3,\"x-r0\":4}]}\n";
  /* In file order, as each level's unknown keys must be written. */
  static const char *order[] = {
    "\"note?s\"", "\"idame\"", "\"intennotes\"", "\"utilizationUTF-8\"",
    "\"zz\"", "\"aa\"", "\"mm\"", "\"bb\"",
    "\"x-r9\"", "\"x-r1\"", "\"x-r5\"", "\"x-r0\"",
  };
  static const char *top_order[] = { "\"x-zeta\"", "\"x-alpha\"", "\"x-mid\"", "\"x-beta\"" };
  g_autoptr(HuProject) p = NULL;
  g_autoptr(HuProject) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_len = 0, second_len = 0;
  const char *prev;

  p = hu_project_new_from_data (input, -1, "order.huella", &error);
  g_assert_no_error (error);
  first = hu_project_to_data (p, &first_len);

  prev = strstr (first, "\"scenarios\"");
  g_assert_nonnull (prev);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const char *at = strstr (first, order[i]);
      g_assert_nonnull (at);
      g_assert_cmpint (at - first, >, prev - first);
      prev = at;
    }
  prev = first;
  for (guint i = 0; i < G_N_ELEMENTS (top_order); i++)
    {
      const char *at = strstr (first, top_order[i]);
      g_assert_nonnull (at);
      g_assert_cmpint (at - first, >, prev - first);
      prev = at;
    }

  again = hu_project_new_from_data (first, (gssize) first_len, "saved.huella", &error);
  g_assert_no_error (error);
  second = hu_project_to_data (again, &second_len);
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpuint (first_len, ==, second_len);
}

typedef struct {
  const char *name;
  const char *contents;
  const char *expect;       /* substring of the message */
  int         code;         /* HuProjectError or -1 for any */
} BadFile;

static const BadFile bad_files[] = {
  { "truncated", "{\"format\":\"huella-project\",\"format-version\":1,\"scenarios\":[{\"id\":", "truncated.huella:1:", -1 },
  { "malformed", "{\n  \"format\": \"huella-project\",\n  \"format-version\": 1,,\n}", "malformed.huella:3:", -1 },
  { "empty", "", "empty.huella", -1 },
  { "binary", "\x89PNG\r\n\x1a\n\xff\xfe", "binary.huella", -1 },
  { "not-object", "[1,2,3]", "not a Huella project", HU_PROJECT_ERROR_FORMAT },
  { "other-format", "{\"format\":\"something-else\",\"format-version\":1}", "something-else", HU_PROJECT_ERROR_FORMAT },
  { "newer", "{\"format\":\"huella-project\",\"format-version\":2,\"scenarios\":[]}", "newer", HU_PROJECT_ERROR_NEWER_VERSION },
  { "no-version", "{\"format\":\"huella-project\"}", "format-version", HU_PROJECT_ERROR_FORMAT },
  { "wrong-type", "{\"format\":\"huella-project\",\"format-version\":1,\"scenarios\":[{\"id\":\"a\",\"count\":\"two\"}]}", "scenarios[0]: count", -1 },
  { "negative", "{\"format\":\"huella-project\",\"format-version\":1,\"scenarios\":[{\"id\":\"a\",\"utilization\":-0.5}]}", "utilization", -1 },
  { "fraction-count", "{\"format\":\"huella-project\",\"format-version\":1,\"scenarios\":[{\"id\":\"a\",\"count\":1.5}]}", "count", -1 },
  { "huge", "{\"format\":\"huella-project\",\"format-version\":1,\"scenarios\":[{\"id\":\"a\",\"flops\":1e400}]}", "flops", -1 },
  { "scenarios-not-array", "{\"format\":\"huella-project\",\"format-version\":1,\"scenarios\":{}}", "scenarios", -1 },
  { "bad-precision", "{\"format\":\"huella-project\",\"format-version\":1,\"scenarios\":[{\"precision\":\"fp64\"}]}", "precision", -1 },
  /* Numbers and members json-glib 1.6 reads wrongly without a word. */
  { "huge-version", "{\"format\":\"huella-project\",\"format-version\":99999999999999999999999}", "format-version: 1e+23 is not a valid version", HU_PROJECT_ERROR_FORMAT },
  { "fraction-version", "{\"format\":\"huella-project\",\"format-version\":1.5}", "format-version: 1.5 is not a valid version", HU_PROJECT_ERROR_FORMAT },
  { "flops-overflow", "{\"format\":\"huella-project\",\"format-version\":1,\n\"scenarios\":[{\"id\":\"a\",\"flops\":1e400}]}", "flops-overflow.huella:2: scenarios[0].flops: 1e400 is out of range", -1 },
  { "duplicate-title", "{\"format\":\"huella-project\",\"format-version\":1,\n\"title\":\"a\",\n\"title\":\"b\"}", "duplicate-title.huella:3: the document: the member “title” appears twice", -1 },
  { "duplicate-in-scenario", "{\"format\":\"huella-project\",\"format-version\":1,\"scenarios\":[{\"id\":\"a\"},{\"id\":\"b\",\"count\":1,\"count\":2}]}", "scenarios[1]: the member “count” appears twice", -1 },
  /* Escapes json-glib 1.6 cannot keep (they would load, save, and never
   * load again, or lose text): refused naming file, line and member. */
  { "lone-high-surrogate", "{\"format\":\"huella-project\",\"format-version\":1,\n\"scenarios\":[{\"id\":\"a\"},\n{\"id\":\"b\",\"name\":\"\\ud800x\"}]}", "lone-high-surrogate.huella:3: scenarios[1].name:", -1 },
  { "lone-low-surrogate", "{\"format\":\"huella-project\",\"format-version\":1,\"title\":\"ok \\ud83d\\ude00\",\"notes\":\"\\udc00\"}", "lone-low-surrogate.huella:1: notes:", -1 },
  { "high-then-letter", "{\"format\":\"huella-project\",\"format-version\":1,\"runs\":[{\"id\":\"r\",\"name\":\"\\uD800\\u0041\"}]}", "high-then-letter.huella:1: runs[0].name:", -1 },
  { "nul-escape", "{\"format\":\"huella-project\",\"format-version\":1,\n\n\"title\":\"a\\u0000b\"}", "nul-escape.huella:3: title:", -1 },
  /* json-glib reads "\200" as the byte 0x80 (not UTF-8): found by fuzz-project. */
  { "octal-escape", "{\"format\":\"huella-project\",\"format-version\":1,\n\"scenarios\":[{\"id\":\"a\",\"name\":\"x\\200y\"}]}", "octal-escape.huella:2: scenarios[0].name: the text holds “\\2”", -1 },
  /* The currency is printed beside every amount: a code or nothing. */
  { "currency-lower", "{\"format\":\"huella-project\",\"format-version\":1,\"currency\":\"eur\"}", "currency: “eur” is not an ISO 4217 code", HU_PROJECT_ERROR_INVALID },
  { "currency-symbol", "{\"format\":\"huella-project\",\"format-version\":1,\"currency\":\"€\"}", "currency: “€” is not", HU_PROJECT_ERROR_INVALID },
  { "currency-hostile", "{\"format\":\"huella-project\",\"format-version\":1,\"currency\":\"\\\\input{/etc/passwd}\\n<b>\"}", "currency: “\\input{/etc/passwd} …” is not", HU_PROJECT_ERROR_INVALID },
  { "currency-long", "{\"format\":\"huella-project\",\"format-version\":1,\"currency\":\"ABCDEFGHIJKLMNOPQRSTUVWXYZ\"}", "currency: “ABCDEFGHIJKLMNOPQRST…” is not", HU_PROJECT_ERROR_INVALID },
  { "nul-in-key", "{\"format\":\"huella-project\",\"format-version\":1,\"x-extra\":{\"k\\u0000\":1}}", "nul-in-key.huella:1: x-extra: a member name:", -1 },
};

/* A code in the file is kept and saved again; none reads as USD; a
 * setter given anything else refuses it, as a file would be refused. */
static void
test_currency (void)
{
  const char *text = "{\"format\":\"huella-project\",\"format-version\":1,\"currency\":\"CHF\"}";
  g_autoptr(HuProject) p = NULL;
  g_autoptr(HuProject) none = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;

  p = hu_project_new_from_data (text, -1, "chf.huella", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hu_project_get_currency (p), ==, "CHF");
  saved = hu_project_to_data (p, NULL);
  g_assert_nonnull (strstr (saved, "\"currency\": \"CHF\""));

  none = hu_project_new_from_data ("{\"format\":\"huella-project\",\"format-version\":1}", -1,
                                   "none.huella", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hu_project_get_currency (none), ==, "USD");

  g_assert_true (hu_currency_code_is_valid ("EUR"));
  g_assert_false (hu_currency_code_is_valid ("EURO"));
  g_assert_false (hu_currency_code_is_valid ("EU"));
  g_assert_false (hu_currency_code_is_valid ("eur"));
  g_assert_false (hu_currency_code_is_valid ("E1R"));
  g_assert_false (hu_currency_code_is_valid (NULL));

  g_test_expect_message ("hu-project", G_LOG_LEVEL_CRITICAL, "*hu_currency_code_is_valid*");
  hu_project_set_currency (p, "<b>");
  g_test_assert_expected_messages ();
  g_assert_cmpstr (hu_project_get_currency (p), ==, "CHF");
}

static void
test_bad_file (gconstpointer data)
{
  const BadFile *bad = data;
  g_autofree char *name = g_strconcat (bad->name, ".huella", NULL);
  g_autofree char *path = tmp_path (name);
  g_autofree char *after = NULL;
  g_autoptr(HuProject) p = NULL;
  g_autoptr(GError) error = NULL;

  write_file (path, bad->contents);
  p = load_path (path, &error);
  g_assert_null (p);
  g_assert_nonnull (error);
  if (bad->code >= 0)
    g_assert_error (error, HU_PROJECT_ERROR, bad->code);
  if (!strstr (error->message, bad->expect))
    g_error ("“%s” does not contain “%s”", error->message, bad->expect);
  /* Loading never touches the file. */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, bad->contents);
}

/* What loads saves to a file that loads to the same text: pairs of
 * surrogate escapes, raw UTF-8, controls and quotes. The expected strings
 * are the characters the escapes name (U+1F600 is F0 9F 98 80 in UTF-8). */
static void
test_unicode_round_trip (void)
{
  const char *expected[] = {
    "\xf0\x9f\x98\x80 grinning",          /* "\\ud83d\\ude00 grinning" */
    "caf\xc3\xa9 \xe4\xb8\xad",              /* raw UTF-8 */
    "\xc3\xa9 escaped",                     /* "\\u00e9 escaped" */
    "tab\tnew\nline \x01 \"q\" \\ \xe2\x80\xa8", /* escapes, U+0001, U+2028 */
  };
  g_autofree char *path = tmp_path ("unicode.huella");
  g_autofree char *saved = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(HuProject) a = NULL;
  g_autoptr(HuProject) b = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  write_file (path,
    "{\"format\":\"huella-project\",\"format-version\":1,\"title\":\"\\ud83d\\ude00 grinning\",\n"
    " \"scenarios\":[{\"id\":\"a\",\"name\":\"caf\xc3\xa9 \xe4\xb8\xad\"},\n"
    "  {\"id\":\"b\",\"name\":\"\\u00e9 escaped\",\n"
    "   \"notes\":\"tab\\tnew\\nline \\u0001 \\\"q\\\" \\\\ \\u2028\"}]}\n");

  a = load_path (path, &error);
  g_assert_no_error (error);
  for (guint round = 0; round < 2; round++)
    {
      HuProject *p = round == 0 ? a : b;
      g_autoptr(HuScenario) s0 = g_list_model_get_item (G_LIST_MODEL (hu_project_get_scenarios (p)), 0);
      g_autoptr(HuScenario) s1 = g_list_model_get_item (G_LIST_MODEL (hu_project_get_scenarios (p)), 1);

      g_assert_cmpstr (hu_project_get_title (p), ==, expected[0]);
      g_assert_cmpstr (hu_scenario_get_name (s0), ==, expected[1]);
      g_assert_cmpstr (hu_scenario_get_name (s1), ==, expected[2]);
      g_assert_cmpstr (hu_scenario_get_notes (s1), ==, expected[3]);

      if (round == 0)
        {
          g_assert_true (hu_project_save (a, file, &error));
          g_assert_no_error (error);
          g_assert_true (g_file_get_contents (path, &saved, &len, NULL));
          g_assert_true (g_utf8_validate (saved, len, NULL));
          b = load_path (path, &error);
          g_assert_no_error (error);
        }
    }
}

/* Names and titles hold at most 1,000 characters (counted as characters:
 * "é" is two bytes, one character). At the limit a file loads; one more
 * is refused naming the member; longer text typed in is cut. */
static void
test_name_limit (void)
{
  g_autofree char *path = tmp_path ("names.huella");
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(HuProject) p = NULL;
  g_autoptr(HuScenario) s = hu_scenario_new ("a", "A");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append (name, "\xc3\xa9");
  for (guint extra = 0; extra < 2; extra++)
    {
      g_autofree char *contents = g_strdup_printf (
        "{\"format\":\"huella-project\",\"format-version\":1,\n"
        "\"scenarios\":[{\"id\":\"a\",\"name\":\"%s%s\"}]}", name->str, extra ? "x" : "");
      g_clear_object (&p);
      write_file (path, contents);
      p = load_path (path, &error);
      if (extra == 0)
        {
          g_assert_no_error (error);
          g_assert_nonnull (p);
        }
      else
        {
          g_assert_null (p);
          g_assert_nonnull (error);
          if (!strstr (error->message, "names.huella: scenarios[0]: name: 1001 characters; the most is 1000"))
            g_error ("“%s” does not name the member and the limit", error->message);
        }
      g_clear_error (&error);
    }

  g_string_append (name, "xyz");
  hu_scenario_set_name (s, name->str);
  g_assert_cmpint (g_utf8_strlen (hu_scenario_get_name (s), -1), ==, 1000);
  hu_project_set_title (p != NULL ? p : (p = hu_project_new ()), name->str);
  g_assert_cmpint (g_utf8_strlen (hu_project_get_title (p), -1), ==, 1000);
}

/* A whole number longer than 64 bits is read as the number it is
 * (json-glib alone gives -1): 314000000000000000000000 = 3.14 × 10²³. */
static void
test_long_integer (void)
{
  g_autofree char *path = tmp_path ("long-integer.huella");
  g_autoptr(HuProject) p = NULL;
  g_autoptr(HuScenario) s = NULL;
  g_autoptr(GError) error = NULL;

  write_file (path,
    "{\"format\":\"huella-project\",\"format-version\":1,\"scenarios\":[{\"id\":\"a\","
    "\"flops\":314000000000000000000000,\"count\":8,\"name\":\"314000000000000000000000\"}]}");
  p = load_path (path, &error);
  g_assert_no_error (error);
  s = g_list_model_get_item (G_LIST_MODEL (hu_project_get_scenarios (p)), 0);
  assert_rel (hu_scenario_get_inputs (s)->flops, 3.14e23, 1e-15);
  g_assert_cmpfloat (hu_scenario_get_inputs (s)->count, ==, 8);
  /* Strings are left as they are. */
  g_assert_cmpstr (hu_scenario_get_name (s), ==, "314000000000000000000000");
}

/* Saving replaces the whole file or nothing: a failed save leaves the old
 * contents. */
static void
test_atomic_save (void)
{
  g_autoptr(HuProject) p = load_example ("bloom.huella");
  g_autofree char *dir = tmp_path ("readonly");
  g_autofree char *path = g_build_filename (dir, "p.huella", NULL);
  g_autofree char *missing = tmp_path ("no/such/dir/p.huella");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *old = NULL;

  write_file (path, "old contents");
  g_assert_true (hu_project_get_modified (p) == FALSE);

  g_assert_false (hu_project_save (p, missing_file, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* A read-only directory: no temporary file can be made, the old file
   * stays whole (skipped as root, who may write anyway). */
  if (geteuid () != 0)
    {
      g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
      g_assert_false (hu_project_save (p, file, &error));
      g_clear_error (&error);
      g_assert_true (g_file_get_contents (path, &old, NULL, NULL));
      g_assert_cmpstr (old, ==, "old contents");
      g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
    }

  g_assert_true (hu_project_save (p, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "{\n  \"format\": \"huella-project\""));
  g_assert_true (g_str_has_suffix (contents, "}\n"));
}

static void
test_modified_and_ids (void)
{
  g_autoptr(HuProject) p = load_example ("gpt3-gpus.huella");
  g_autoptr(HuScenario) s = NULL;
  g_autofree char *id = NULL;
  HuInputs in;

  g_assert_false (hu_project_get_modified (p));
  s = g_list_model_get_item (G_LIST_MODEL (hu_project_get_scenarios (p)), 0);
  hu_inputs_init (&in);
  hu_inputs_copy (hu_scenario_get_inputs (s), &in);
  in.count = 8;
  hu_scenario_set_inputs (s, &in);
  hu_inputs_clear (&in);
  g_assert_true (hu_project_get_modified (p));

  id = hu_project_unique_id (p, "v100s");
  g_assert_cmpstr (id, ==, "v100s-2");
}

/* Links are ids, so everything that joins a project gets a unique one:
 * imported runs come without, a pasted scenario may repeat one. */
static void
test_ids_on_append (void)
{
  g_autoptr(HuProject) p = load_example ("gpt3-gpus.huella");
  g_autoptr(HuMeasuredRun) a = hu_measured_run_new ();
  g_autoptr(HuMeasuredRun) b = hu_measured_run_new ();
  g_autoptr(HuScenario) twin = hu_scenario_new ("v100s", "Another V100S");
  GListStore *runs = hu_project_get_runs (p);

  hu_measured_run_get_data (a)->source = g_strdup ("codecarbon");
  g_list_store_append (runs, a);
  g_list_store_append (runs, b);
  g_list_store_append (hu_project_get_scenarios (p), twin);

  g_assert_cmpstr (hu_measured_run_get_id (a), ==, "codecarbon");
  g_assert_cmpstr (hu_measured_run_get_id (b), ==, "run");
  g_assert_cmpstr (hu_scenario_get_id (twin), ==, "v100s-2");
  /* The original keeps its id. */
  g_assert_nonnull (hu_project_find_scenario (p, "v100s"));
  g_assert_true (hu_project_find_scenario (p, "v100s") != twin);
}

/* 1,000 scenarios sharing one id: the first keeps it, the n-th becomes
 * "same-n" in file order, and ids are tracked as items come, go and are
 * renamed. (That this is linear in time is measured in bench/.) */
static void
test_ids_shared (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"huella-project\", "
                                          "\"format-version\": 1, \"scenarios\": [");
  g_autoptr(HuProject) p = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HuScenario) extra = hu_scenario_new ("same", NULL);
  g_autofree char *fresh = NULL;
  GListModel *scenarios;

  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (json, "%s{\"id\": \"same\", \"gpu-hours\": %u}",
                            i > 0 ? ", " : "", i + 1);
  g_string_append (json, "]}");
  p = hu_project_new_from_data (json->str, json->len, "shared.huella", &error);
  g_assert_no_error (error);
  scenarios = G_LIST_MODEL (hu_project_get_scenarios (p));
  g_assert_cmpuint (g_list_model_get_n_items (scenarios), ==, 1000);

  for (guint i = 0; i < 1000; i++)
    {
      g_autoptr(HuScenario) s = g_list_model_get_item (scenarios, i);
      g_autofree char *expected = i == 0 ? g_strdup ("same")
                                         : g_strdup_printf ("same-%u", i + 1);

      g_assert_cmpstr (hu_scenario_get_id (s), ==, expected);
    }

  /* A removed id is free again, but suffixes are not handed out twice. */
  g_list_store_remove (hu_project_get_scenarios (p), 1);   /* same-2 */
  g_assert_null (hu_project_find_scenario (p, "same-2"));
  g_list_store_append (hu_project_get_scenarios (p), extra);
  g_assert_cmpstr (hu_scenario_get_id (extra), ==, "same-1001");

  /* A rename frees the old id and takes the new one. */
  hu_scenario_set_id (extra, "renamed");
  fresh = hu_project_unique_id (p, "renamed");
  g_assert_cmpstr (fresh, ==, "renamed-2");
  g_clear_pointer (&fresh, g_free);
  fresh = hu_project_unique_id (p, "same-1001");
  g_assert_cmpstr (fresh, ==, "same-1001");
}

/* Issue 10: a project saved before devices were grouped kept
 * "NVIDIA A100, NVIDIA A100" and "cpu:0" until its runs were imported
 * again. Loaded, its carbontracker and nvidia-smi runs read as a new
 * import reads (tests/import/test-import-naming.c): identical devices
 * grouped with their count, different models each counted, a RAPL id
 * "CPU". A single GPU name keeps the count its log gave (8), and another
 * tracker's names are its own. Saved and loaded again, nothing changes. */
static void
test_old_style_devices (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "old-style-devices.huella",
                                                 NULL);
  const struct { const char *gpu; double count; const char *cpu; const char *shown; } expected[] = {
    { "NVIDIA A100", 2, "CPU", "NVIDIA A100 × 2" },
    { "NVIDIA A100 × 2, Tesla T4 × 1", 3, "CPU × 2", "NVIDIA A100 × 2, Tesla T4 × 1" },
    { "NVIDIA H100 80GB HBM3", 8, NULL, "NVIDIA H100 80GB HBM3 × 8" },
    { "1 x NVIDIA GeForce RTX 3060, 1 x NVIDIA GeForce RTX 3060", 1, "cpu:0", NULL },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(HuProject) project = load_path (path, &error);
  g_autoptr(HuProject) again = NULL;
  g_autofree char *saved = NULL;
  gsize saved_len = 0;

  g_assert_no_error (error);
  for (guint pass = 0; pass < 2; pass++)
    {
      HuProject *p = pass == 0 ? project : again;
      GListModel *runs = G_LIST_MODEL (hu_project_get_runs (p));

      g_assert_cmpuint (g_list_model_get_n_items (runs), ==, G_N_ELEMENTS (expected));
      for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
        {
          g_autoptr(HuMeasuredRun) run = g_list_model_get_item (runs, i);
          HuRunData *d = hu_measured_run_get_data (run);

          g_assert_cmpstr (d->gpu_model, ==, expected[i].gpu);
          g_assert_cmpfloat (d->gpu_count, ==, expected[i].count);
          g_assert_cmpstr (d->cpu_model, ==, expected[i].cpu);
          if (expected[i].shown != NULL)
            {
              g_autofree char *shown = hu_run_data_format_accelerators (d);

              g_assert_cmpstr (shown, ==, expected[i].shown);
            }
        }
      if (pass == 0)
        {
          saved = hu_project_to_data (project, &saved_len);
          again = hu_project_new_from_data (saved, (gssize) saved_len, "saved.huella", &error);
          g_assert_no_error (error);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  core_test_init (&argc, &argv);

  g_test_add_func ("/huella/project/round-trip", test_round_trip);
  g_test_add_func ("/huella/project/unknown-keys", test_unknown_keys);
  g_test_add_func ("/huella/project/unknown-keys-order", test_unknown_keys_order);
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = g_strdup_printf ("/huella/project/bad-file/%s", bad_files[i].name);
      g_test_add_data_func (path, &bad_files[i], test_bad_file);
    }
  g_test_add_func ("/huella/project/unicode-round-trip", test_unicode_round_trip);
  g_test_add_func ("/huella/project/currency", test_currency);
  g_test_add_func ("/huella/project/name-limit", test_name_limit);
  g_test_add_func ("/huella/project/long-integer", test_long_integer);
  g_test_add_func ("/huella/project/atomic-save", test_atomic_save);
  g_test_add_func ("/huella/project/modified-and-ids", test_modified_and_ids);
  g_test_add_func ("/huella/project/ids-on-append", test_ids_on_append);
  g_test_add_func ("/huella/project/ids-shared", test_ids_shared);
  g_test_add_func ("/huella/project/old-style-devices", test_old_style_devices);
  return g_test_run ();
}
