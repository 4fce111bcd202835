#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fails when a translation in po/ misses a string that the sources mark
# for translation, or keeps one only as fuzzy: every string a person can
# read must be translated.  Usage: check-po.sh SOURCE_ROOT
set -eu
src=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The keywords of meson's 'glib' gettext preset, plus NP_ (see po/meson.build).
xgettext --package-name=huella --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --keyword=NP_:1,2 --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format \
  --flag=NC_:2:pass-c-format --flag=g_dngettext:2:pass-c-format \
  --flag=g_strdup_printf:1:c-format --flag=g_string_printf:2:c-format \
  --flag=g_string_append_printf:2:c-format --flag=g_error_new:3:c-format \
  --flag=g_set_error:4:c-format \
  -D "$src" -f "$src/po/POTFILES.in" -o "$tmp/huella.pot"
status=0
# A source that marks strings but is missing from POTFILES.in leaves them
# out of every translation without a word (the ranked chart's note was).
for f in $(cd "$src" && grep -rlE '(^|[^A-Za-z_])(N?C?_|NP_) ?\( ?"|g_dn?gettext ?\(GETTEXT_PACKAGE|translatable="yes"' \
             src ui data --include='*.c' --include='*.ui' --include='*.in' | sort); do
  if ! grep -qx "$f" "$src/po/POTFILES.in"; then
    echo "$f marks strings for translation but is not in po/POTFILES.in"
    status=1
  fi
done
for lang in $(grep -v '^#' "$src/po/LINGUAS"); do
  msgmerge --quiet --no-fuzzy-matching -o "$tmp/$lang.po" "$src/po/$lang.po" "$tmp/huella.pot"
  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$tmp/$lang.po" 2>&1)
  echo "$lang: $stats"
  case "$stats" in
    *untranslated*|*fuzzy*)
      msgattrib --untranslated --only-fuzzy "$tmp/$lang.po" 2>/dev/null || true
      msgattrib --untranslated "$tmp/$lang.po" | grep '^msgid' | head -40
      status=1 ;;
  esac
done
exit $status
