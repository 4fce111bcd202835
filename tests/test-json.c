/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Deep nesting: every JSON reader checks the depth before json-glib (which
 * recurses once per level) sees the document, and the writer does not
 * recurse at all. Issue 9, item 5. */

#include "config.h"

#include <pthread.h>
#include <string.h>

#include <glib/gstdio.h>

#include "hu-core.h"
#include "hu-json-private.h"

typedef struct {
  const char *text;
  guint       max_depth;
  gboolean    ok;
  guint       line;      /* where it went too deep, when !ok */
} DepthCase;

static const DepthCase depth_cases[] = {
  { "[[[]]]", 3, TRUE, 0 },
  { "[[[]]]", 2, FALSE, 1 },
  { "{\"a\":{\"b\":[1]}}", 3, TRUE, 0 },
  { "{\"a\":{\"b\":[1]}}", 2, FALSE, 1 },
  /* Siblings do not add up: depth is 2, not 4. */
  { "[[],[],[]]", 2, TRUE, 0 },
  /* Brackets inside strings are text. */
  { "[\"[[[[{{{{\"]", 1, TRUE, 0 },
  /* An escaped quote does not end the string; an escaped backslash does
   * not escape the quote after it. */
  { "[\"\\\"[[[[\"]", 1, TRUE, 0 },
  { "[\"\\\\\",[[]]]", 2, FALSE, 1 },
  /* The line is counted outside and inside strings. */
  { "[\n\"a\nb\",\n[\n[", 2, FALSE, 5 },
  /* Unbalanced closers are the parser's business, not a negative depth. */
  { "]]]][[", 1, FALSE, 1 },
};

static void
test_scan (gconstpointer data)
{
  const DepthCase *c = data;
  guint line = 0, depth = 0;
  gboolean ok = _hu_json_check_depth (c->text, strlen (c->text), c->max_depth, &line, &depth);

  g_assert_cmpint (ok, ==, c->ok);
  if (!c->ok)
    {
      g_assert_cmpuint (line, ==, c->line);
      g_assert_cmpuint (depth, ==, c->max_depth + 1);
    }
}

/* A folder of this run's own, so that two runs at once (CI's two passes,
 * a developer's) never write each other's files. */
static char *
tmp_path (const char *name)
{
  static char *dir;

  if (dir == NULL)
    dir = g_dir_make_tmp ("huella-test-json-XXXXXX", NULL);
  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

/* @prefix, then @n '[', then @suffix, written to @name. */
static char *
write_deep (const char *name,
            const char *prefix,
            guint       n,
            const char *suffix)
{
  g_autoptr(GString) s = g_string_new (prefix);
  g_autoptr(GError) error = NULL;
  char *path = tmp_path (name);

  for (guint i = 0; i < n; i++)
    g_string_append_c (s, '[');
  g_string_append (s, suffix);
  g_file_set_contents (path, s->str, s->len, &error);
  g_assert_no_error (error);
  return path;
}

static void
assert_contains (const char *message,
                 const char *part)
{
  if (strstr (message, part) == NULL)
    g_error ("“%s” does not contain “%s”", message, part);
}

/* 200,000 '[' crashed json-glib's parser (SIGSEGV). */
static void
test_project_deep (void)
{
  g_autofree char *path = write_deep ("deep.huella", "", 200000, "");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HuProject) p = hu_project_new_from_file (file, &error);

  g_assert_null (p);
  g_assert_nonnull (error);
  assert_contains (error->message, "deep.huella:1:");
  assert_contains (error->message, "512");
  g_remove (path);
}

/* A 60,000-deep unknown member loaded (a later line) and then overflowed
 * the writer at save; now it is refused, naming its line. */
static void
test_unknown_member_deep (void)
{
  g_autofree char *path = write_deep ("member.huella",
                                      "{\"format\":\"huella-project\",\"format-version\":1,\n"
                                      "\"scenarios\":[],\n"
                                      "\"x-deep\":",
                                      60000, "");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HuProject) p = hu_project_new_from_file (file, &error);

  g_assert_null (p);
  assert_contains (error->message, "member.huella:3:");
  g_remove (path);
}

/* Just under the limit still loads, saves and loads again to the same
 * bytes: the limit refuses attacks, not files. The top-level object and
 * "x-deep" make 2 + 500 = 502 levels. */
static void
test_unknown_member_at_limit (void)
{
  g_autoptr(GString) suffix = g_string_new ("1");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HuProject) p = NULL;
  g_autoptr(HuProject) again = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  for (guint i = 0; i < 500; i++)
    g_string_append_c (suffix, ']');
  g_string_append (suffix, "}\n");
  path = write_deep ("limit.huella",
                     "{\"format\":\"huella-project\",\"format-version\":1,\"scenarios\":[],\"x-deep\":",
                     500, suffix->str);
  file = g_file_new_for_path (path);
  p = hu_project_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_true (hu_project_save (p, file, &error));
  g_assert_no_error (error);
  first = hu_project_to_data (p, NULL);
  again = hu_project_new_from_file (file, &error);
  g_assert_no_error (error);
  second = hu_project_to_data (again, NULL);
  g_assert_cmpstr (first, ==, second);
  g_remove (path);
}

static void
test_catalog_deep (void)
{
  g_autofree char *path = write_deep ("deep-catalog.json", "{\"gpus\":\n", 100000, "");
  g_autoptr(HuCatalog) catalog = hu_catalog_new_with_parent (hu_catalog_get_default ());
  g_autoptr(GError) error = NULL;

  g_assert_false (hu_catalog_load_file (catalog, path, &error));
  g_assert_nonnull (error);
  assert_contains (error->message, "deep-catalog.json:2:");
  g_remove (path);
}

#define WRITER_DEPTH 4000

typedef struct {
  JsonNode *root;
  char     *text;
} WriteJob;

static void *
write_thread (void *data)
{
  WriteJob *job = data;

  job->text = _hu_json_to_data (job->root, NULL);
  return NULL;
}

/* A tree deeper than any file may hold (built in code, as a bug might)
 * is written on a thread with a 128 KiB stack: a recursive writer needs
 * at least 48 bytes (return address and saved registers) a level, 192 KB
 * here, and dies; the iterative one does not care. The pretty output
 * grows with the square of the depth (indentation), hence 4,000 levels,
 * 16 MB of text. */
static void
test_writer_deep (void)
{
  g_autofree JsonArray **arrays = g_new (JsonArray *, WRITER_DEPTH);
  g_autoptr(GString) expected = g_string_new (NULL);
  WriteJob job = { NULL, NULL };
  pthread_attr_t attr;
  pthread_t thread;

  /* The root node takes the outermost array: json_node_init_array()
   * would add a reference of its own, which LeakSanitizer reports. */
  job.root = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (job.root, arrays[0] = json_array_new ());
  for (guint i = 1; i < WRITER_DEPTH; i++)
    {
      arrays[i] = json_array_new ();
      json_array_add_array_element (arrays[i - 1], arrays[i]);
    }

  g_assert_cmpint (pthread_attr_init (&attr), ==, 0);
  g_assert_cmpint (pthread_attr_setstacksize (&attr, 128 * 1024), ==, 0);
  g_assert_cmpint (pthread_create (&thread, &attr, write_thread, &job), ==, 0);
  g_assert_cmpint (pthread_join (thread, NULL), ==, 0);
  pthread_attr_destroy (&attr);

  /* Level i (0-based) opens on a line indented 2i spaces below its
   * parent's bracket; the innermost is empty, "[]". */
  for (guint i = 0; i + 1 < WRITER_DEPTH; i++)
    {
      g_string_append_c (expected, '[');
      g_string_append_c (expected, '\n');
      for (guint k = 0; k <= i; k++)
        g_string_append (expected, "  ");
    }
  g_string_append (expected, "[]");
  for (guint i = WRITER_DEPTH - 1; i-- > 0;)
    {
      g_string_append_c (expected, '\n');
      for (guint k = 0; k < i; k++)
        g_string_append (expected, "  ");
      g_string_append_c (expected, ']');
    }
  g_string_append_c (expected, '\n');
  g_assert_true (g_str_equal (job.text, expected->str));
  g_free (job.text);

  /* json-glib frees recursively too: take the tree apart from the bottom
   * so each unref frees one empty array. */
  for (guint i = WRITER_DEPTH - 1; i > 0; i--)
    json_array_remove_element (arrays[i - 1], 0);
  json_node_unref (job.root);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (depth_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/huella/json/depth-scan/%u", i);
      g_test_add_data_func (path, &depth_cases[i], test_scan);
    }
  g_test_add_func ("/huella/json/project-200000-deep", test_project_deep);
  g_test_add_func ("/huella/json/unknown-member-60000-deep", test_unknown_member_deep);
  g_test_add_func ("/huella/json/unknown-member-at-limit", test_unknown_member_at_limit);
  g_test_add_func ("/huella/json/catalog-deep", test_catalog_deep);
  g_test_add_func ("/huella/json/writer-4000-deep", test_writer_deep);

  return g_test_run ();
}
