#!/usr/bin/env bash
# Regenerates server/src/test/resources/oracle/<case>.undefined.txt: the citation keys that the
# real toolchain reports as undefined after a real LaTeX run of each corpus project.
#
#   server/src/test/oracle/make-oracle.sh [corpus-dir [case-regex]]
#   (default corpus: /work/shared/corpus; default: every case)
#
# Per case: copy the project to a scratch folder, `latex -interaction=nonstopmode ROOT` (DVI; `lualatex` for fontspec documents), then
# `bibtex ROOT` (or `biber ROOT` when a .bcf was written), then the undefined keys are read from
# the bibliography tool's log (.blg): bibtex's `I didn't find a database entry for "x"` and
# biber's `I didn't find a database entry for 'x'`. The .blg is the oracle, not the .log's
# "Citation `x' undefined": the .log lists what the *last LaTeX pass* could not resolve, which
# depends on passes and on fatal errors later in the document, while the .blg is exactly "cited
# (\cite, \nocite) but in no database" for every citation LaTeX wrote to the .aux/.bcf.
# Classes/packages not in TeX Live (acl.sty, infthesis.cls, langscibook.cls, halpha.bst) are
# replaced by the stand-ins in stubs/ (TEXINPUTS/BSTINPUTS), which load only natbib/biblatex.
# Needs TeX Live with texlive-latex-extra, texlive-bibtex-extra, texlive-fonts-recommended, biber.
set -u
here="$(cd "$(dirname "$0")" && pwd)"
corpus="${1:-/work/shared/corpus}"
only="${2:-.}"
out="$here/../resources/oracle"
scratch="$(mktemp -d /tmp/citeassist-oracle.XXXXXX)"
mkdir -p "$out"

# case name | project folder | root file (relative)
cases=(
  "fixture|@fixture|main.tex"
  "thammegowda-dissertation-main1|thammegowda-dissertation|main1.tex"
  "thammegowda-dissertation-main2|thammegowda-dissertation|main2.tex"
  "hott-book-online|hott-book|hott-online.tex"
  "hott-book-a4|hott-book|hott-a4.tex"
  "acl-style-files|acl-style-files|acl_latex.tex"
  "edinburgh-thesis-template|edinburgh-thesis-template|main.tex"
  "langsci-241|langsci-241|main.tex"
)
for f in "$corpus"/biblatex/examples/*.tex; do
  b="$(basename "$f" .tex)"
  cases+=("biblatex-$b|biblatex|examples/$b.tex")
done

for c in "${cases[@]}"; do
  IFS='|' read -r name project root <<<"$c"
  [[ "$name" =~ $only ]] || continue
  source="$corpus/$project"
  [ "$project" = "@fixture" ] && source="$here/fixture" # checked in: known undefined keys
  [ -d "$source" ] || { echo "skip $name: no $source"; continue; }
  work="$scratch/$name"
  cp -r "$source" "$work"
  dir="$work/$(dirname "$root")"
  job="$(basename "$root" .tex)"
  (
    cd "$dir" || exit 1
    export BSTINPUTS=".:$here/stubs:" BIBINPUTS=".:$work:"
    # A file that neither TeX Live nor the project has (a university's class, a cover
    # picture's .tex) stops LaTeX: stand in an empty one (a book for a class) and run again.
    mkdir -p "$work/.stubs"
    export TEXINPUTS=".:$here/stubs:$work/.stubs:"
    engine=latex
    # fontspec needs LuaTeX (biblatex's 93-nameparts, 96-dates).
    grep -q '^[^%]*\\usepackage{fontspec}' "$job.tex" && engine=lualatex
    for attempt in $(seq 1 30); do
      timeout 600 $engine -interaction=nonstopmode "$job.tex" </dev/null >/dev/null 2>&1
      new=0
      while read -r missing; do
        [ -n "$missing" ] || continue
        case "$missing" in
          *.pdf | *.png | *.jpg | *.eps) continue ;; # pictures: LaTeX goes on without them
          *.sty | *.cls | *.tex | *.def | *.cfg | *.clo) f="$missing" ;;
          *.*) continue ;;
          *) f="$missing.tex" ;;
        esac
        target="$work/.stubs/$f"
        case "$f" in ./*) target="$dir/$f" ;; esac # TeX looks for ./x beside the document only
        [ -e "$target" ] && continue
        echo "$name: stub for $missing"
        mkdir -p "$(dirname "$target")"
        case "$f" in
          *.cls) echo '\LoadClass{book}' >"$target" ;;
          *) : >"$target" ;;
        esac
        new=1
      done < <(grep -o "^! LaTeX Error: File \`[^']*' not found" "$job.log" | sed -E "s/.*\`(.*)' not found/\1/" | sort -u)
      # Stop when nothing new is missing (a picture's stand-in .tex does not help; LaTeX goes on).
      [ "$new" = 1 ] || break
    done
    if [ -f "$job.bcf" ]; then
      tool=biber; timeout 600 biber "$job" >/dev/null 2>&1
    else
      tool=bibtex; timeout 600 bibtex "$job" >/dev/null 2>&1
      # A style TeX Live lacks (acl_natbib.bst): plainnat reads the same entries.
      style="$(grep -o "I couldn't open style file [^ ]*" "$job.blg" | sed 's/.* //' | head -1)"
      if [ -n "$style" ]; then
        echo "$name: plainnat.bst stands in for $style"
        cp "$(kpsewhich plainnat.bst)" "$work/.stubs/$style"
        BSTINPUTS=".:$here/stubs:$work/.stubs:" timeout 600 bibtex "$job" >/dev/null 2>&1
      fi
    fi
    if [ ! -f "$job.blg" ]; then echo "$name: no .blg ($tool did not run)"; exit 1; fi
    # No oracle from a run that never reached the bibliography: bibtex without \bibdata (LaTeX
    # stopped before \bibliography), biber on a malformed .bcf.
    if [ "$tool" = bibtex ] && ! cat ./*.aux | grep -q '\\bibdata'; then
      echo "$name: LaTeX stopped before \bibliography; no oracle"; exit 1
    fi
    if [ "$tool" = biber ] && grep -q 'ERROR - ' "$job.blg"; then
      echo "$name: biber failed ($(grep -m1 -o 'ERROR - .*' "$job.blg")); no oracle"; exit 1
    fi
    {
      echo "# root: $project/$root"
      echo "# made by: $engine -interaction=nonstopmode $job.tex; $tool $job (in $project/$(dirname "$root"))"
      grep -o "I didn't find a database entry for [\"'][^\"']*[\"']" "$job.blg" \
        | sed -E "s/.*for [\"'](.*)[\"']$/\1/" | sort -u
    } >"$out/$name.undefined.txt"
    echo "$name: $tool, $(grep -vc '^#' "$out/$name.undefined.txt") undefined"
  )
done
echo "scratch kept in $scratch"
