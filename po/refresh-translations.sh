#!/bin/sh
# Regenerates po/lgr-explorer.pot from the files in POTFILES.in (the same xgettext arguments as
# meson's i18n "glib" preset), merges it into every language of LINGUAS and reports what is
# left to translate. The meson targets lgr-explorer-pot and lgr-explorer-update-po do the same
# from a configured build directory; this script needs none.
# Usage: po/refresh-translations.sh   (from anywhere)
set -eu
po_dir=$(cd "$(dirname "$0")" && pwd)
cd "$po_dir/.."

xgettext --package-name=lgr-explorer --package-version=0.1.0 \
  --msgid-bugs-address=https://github.com/lgrexplorer/lgr-explorer/issues \
  --from-code=UTF-8 --add-comments --files-from=po/POTFILES.in --output=po/lgr-explorer.pot \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
  --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
  --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format

for lang in $(grep -v '^#' po/LINGUAS); do
  msgmerge --quiet --update --backup=none --previous "po/$lang.po" po/lgr-explorer.pot
  printf '%s: ' "$lang"
  msgfmt --check --statistics --output-file=/dev/null "po/$lang.po"
done
