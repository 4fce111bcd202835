/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Which tracker wrote a file, judged from its first bytes only.
 *
 * File names are chosen by users (CodeCarbon's output_file, Eco2AI's
 * persisted file_name) so they prove nothing; headers and first lines do.
 */

#include "config.h"

#include <string.h>

#include "hu-import-private.h"

static gboolean
has (const char *line,
     const char *needle)
{
  return strstr (line, needle) != NULL;
}

/* Whether line starts like pattern, where 'd' stands for any digit. */
static gboolean
starts_like (const char *line,
             const char *pattern)
{
  for (; *pattern != '\0'; pattern++, line++)
    {
      if (*pattern == 'd' ? !g_ascii_isdigit (*line) : *line != *pattern)
        return FALSE;
    }
  return TRUE;
}

/* "YYYY-MM-DD HH:MM:SS" followed by suffix. */
static gboolean
starts_with_log_time (const char *line,
                      const char *suffix)
{
  static const char pattern[] = "dddd-dd-dd dd:dd:dd";

  return starts_like (line, pattern) && g_str_has_prefix (line + sizeof pattern - 1, suffix);
}

static gboolean
is_python_logging_line (const char *line)
{
  /* "2026-05-27 17:46:28,785 - MainThread - WARNING - …" */
  if (!starts_with_log_time (line, ","))
    return FALSE;
  return has (line, " - DEBUG - ") || has (line, " - INFO - ") || has (line, " - WARNING - ")
         || has (line, " - ERROR - ") || has (line, " - CRITICAL - ");
}

static gboolean
is_nvidia_smi_row (const char *line)
{
  return starts_like (line, "dddd/dd/dd dd:dd:dd") && has (line, ", ");
}

HuFormat
_hu_import_detect (const char *head,
                   gsize       len)
{
  g_autofree char *first = NULL;
  const char *nl;
  gsize first_len;

  if (len >= 3 && memcmp (head, "\xEF\xBB\xBF", 3) == 0)
    {
      head += 3;
      len -= 3;
    }
  /* Pickles, images, archives: not a text log. */
  if (len == 0 || memchr (head, '\0', len) != NULL)
    return HU_FORMAT_UNKNOWN;

  nl = memchr (head, '\n', len);
  first_len = nl ? (gsize) (nl - head) : len;
  first = g_strndup (head, first_len);
  g_strchomp (first);

  if (first[0] == '{')
    {
      if (has (first, "\"timestamp\"")
          && (has (first, "\"rapl_power_draw_absolute\"") || has (first, "\"nvidia_draw_absolute\"")
              || has (first, "_estimated_attributable_power_draw\"")
              || has (first, "\"cpu_time_seconds\"")))
        return HU_FORMAT_EIT;
      return HU_FORMAT_UNKNOWN;
    }

  if (has (first, "duration(s)")
      && (has (first, "power_consumption(kWh)") || has (first, "power_consumption(kWTh)")))
    return HU_FORMAT_ECO2AI;

  if (g_str_has_prefix (first, "start_time,window_name,elapsed_time"))
    return HU_FORMAT_ZEUS;

  if (has (first, "timestamp") && has (first, ",duration,")
      && (has (first, "emissions") || has (first, "energy_consumed")))
    return HU_FORMAT_CODECARBON;

  if ((has (first, "timestamp") && has (first, "power.draw")) || is_nvidia_smi_row (first))
    return HU_FORMAT_NVIDIA_SMI;

  if (starts_with_log_time (first, " - CarbonTracker:"))
    return HU_FORMAT_CARBONTRACKER_OUTPUT;
  if (starts_with_log_time (first, " - carbontracker version ")
      || (starts_with_log_time (first, " - ") && g_strstr_len (head, len,
                                                               " - carbontracker version ")))
    return HU_FORMAT_CARBONTRACKER_LOG;
  if (is_python_logging_line (first))
    return HU_FORMAT_CARBONTRACKER_ERR;

  return HU_FORMAT_UNKNOWN;
}

const char *
_hu_format_get_tracker (HuFormat format)
{
  switch (format)
    {
    case HU_FORMAT_CODECARBON:
      return "codecarbon";
    case HU_FORMAT_CARBONTRACKER_LOG:
    case HU_FORMAT_CARBONTRACKER_OUTPUT:
    case HU_FORMAT_CARBONTRACKER_ERR:
      return "carbontracker";
    case HU_FORMAT_EIT:
      return "eit";
    case HU_FORMAT_ECO2AI:
      return "eco2ai";
    case HU_FORMAT_NVIDIA_SMI:
      return "nvidia-smi";
    case HU_FORMAT_ZEUS:
      return "zeus";
    case HU_FORMAT_UNKNOWN:
    default:
      return NULL;
    }
}
