/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Huella-Report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hu-report-document-private.h"

/* The papers Huella's method follows, their authors apart: the last two
 * are joined by the reader's "and" ("y" in APA's Spanish edition), while
 * names, titles, venues and "et al." stay as published (the Spanish APA
 * keeps "et al." too). */
static const struct {
  const char *authors;   /* all but the last */
  const char *last;      /* NULL: @authors alone */
  const char *rest;
} papers[] = {
  { "Brown, T. et al.", NULL,
    "(2020). Language Models are Few-Shot Learners. NeurIPS 2020. arXiv:2005.14165." },
  { "Patterson, D. et al.", NULL,
    "(2021). Carbon Emissions and Large Neural Network Training. arXiv:2104.10350." },
  { "Strubell, E., Ganesh, A.", "McCallum, A.",
    "(2019). Energy and Policy Considerations for Deep Learning in NLP. ACL 2019. "
    "arXiv:1906.02243." },
  { "Lacoste, A., Luccioni, A., Schmidt, V.", "Dandres, T.",
    "(2019). Quantifying the Carbon Emissions of Machine Learning. arXiv:1910.09700." },
  { "Lannelongue, L., Grealey, J.", "Inouye, M.",
    "(2021). Green Algorithms: Quantifying the Carbon Footprint of Computation. "
    "Advanced Science 8(12). doi:10.1002/advs.202100707." },
  { "Luccioni, A. S., Viguier, S.", "Ligozat, A.-L.",
    "(2023). Estimating the Carbon Footprint of BLOOM, a 176B Parameter Language Model. "
    "JMLR 24(253)." },
};

guint
_hu_report_n_papers (void)
{
  return G_N_ELEMENTS (papers);
}

/* Paper @i as the References list writes it, in the reader's language. */
char *
_hu_report_paper (guint i)
{
  g_autofree char *authors = NULL;

  g_return_val_if_fail (i < G_N_ELEMENTS (papers), NULL);
  if (papers[i].last == NULL)
    authors = g_strdup (papers[i].authors);
  else
    /* The join hu-citation.c translates for the catalog's citations:
     * "Ganesh, A. and McCallum, A.", "y" in Spanish as APA writes it. */
    authors = g_strdup_printf (_("%s and %s"), papers[i].authors, papers[i].last);
  return g_strdup_printf ("%s %s", authors, papers[i].rest);
}
