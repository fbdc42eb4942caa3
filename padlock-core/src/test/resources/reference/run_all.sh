#!/bin/sh
# Regenerate every reference file in this folder (requires R with MatchIt,
# sandwich, clubSandwich, estimatr, lme4, jsonlite).
set -e
cd "$(dirname "$0")"
(cd lalonde && Rscript make_lalonde.R)
(cd cluster && Rscript make_cluster_data.R)
(cd did && Rscript make_did_data.R)
(cd cr2 && Rscript make_cr2_reference.R)
Rscript -e 'pk <- c("MatchIt","sandwich","clubSandwich","estimatr","lme4","jsonlite"); cat(R.version.string, "\n", sep = ""); for (p in pk) cat(p, " ", as.character(packageVersion(p)), "\n", sep = "")' > versions.txt
cat versions.txt
