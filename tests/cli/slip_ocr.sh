#!/usr/bin/env bash
# Issue 22: a printed Arabic and a Turkish slip hold the Dutch sentence for the counter, so the
# staff can read it. The receipt is drawn as printed (80 mm, 203 dpi), read back by OCR
# (tesseract, Dutch and the visitor's language), and the Dutch sentence's words are looked up
# in what it read: lower case, letters only, most of them found (OCR misreads a letter or two).
. "$(dirname "$0")/lib.sh"
command -v tesseract > /dev/null || fail "no tesseract (deploy/install-deps.sh installs it)"
for lang in ar tr; do
  ocr=$([ "$lang" = ar ] && echo ara || echo tur)
  A=(--content "$shipped" --suggest huurtoeslag,zorgtoeslag --next-step desk --lang "$lang" --date 2026-11-25)
  exits 0 "$W" slip "${A[@]}" --out "$lang.png" > /dev/null
  exits 0 "$W" slip "${A[@]}" --format txt --out "$lang.txt" > /dev/null
  # The Dutch sentence as the slip holds it (its text form, not typed here).
  sentence=$(grep -m1 '^Ik wil graag praten over' "$lang.txt") || fail "$lang.txt has no Dutch sentence"
  tesseract "$lang.png" "$lang-ocr" -l "nld+$ocr" --dpi 203 > /dev/null 2>&1 || fail "tesseract failed on $lang.png"
  words() { tr '[:upper:]' '[:lower:]' | tr -cs '[:alpha:]' '\n' | grep -E '^[a-z]{2,}$'; }
  read_back=$(words < "$lang-ocr.txt" | sort -u)
  total=0 found=0 missing=""
  for word in $(printf '%s\n' "$sentence" | words); do
    total=$((total + 1))
    if grep -qx -- "$word" <<< "$read_back"; then found=$((found + 1)); else missing+=" $word"; fi
  done
  [ "$total" -ge 5 ] || fail "the Dutch sentence is too short to test: '$sentence'"
  # Most words: at least 80 %.
  [ $((found * 5)) -ge $((total * 4)) ] ||
    fail "$lang: OCR found $found of $total words of '$sentence' (missing:$missing); it read: $(head -c 800 "$lang-ocr.txt")"
  echo "$lang: $found of $total words of the Dutch sentence read back"
done
