#!/usr/bin/env bash
# Prints each failed test of a .trx file as "  - Name: first line of its message" (plain awk: no XML tool needed).
set -euo pipefail
awk '
  /<UnitTestResult / && /outcome="(Failed|Error|Timeout|Aborted)"/ {
    match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11); gsub(/&quot;/, "\"", name); gsub(/&amp;/, "\&", name); want = 1; next
  }
  want && /<Message>/ {
    line = $0; sub(/.*<Message>/, "", line); sub(/<\/Message>.*/, "", line)
    gsub(/&quot;/, "\"", line); gsub(/&apos;/, "\047", line); gsub(/&lt;/, "<", line); gsub(/&gt;/, ">", line); gsub(/&amp;/, "\\&", line)
    printf "  - %s: %s\n", name, substr(line, 1, 300); want = 0; next
  }
  want && /<\/UnitTestResult>/ { printf "  - %s\n", name; want = 0 }
' "$1"
