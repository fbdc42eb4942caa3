#!/bin/sh
# Regenerate every reference file in this folder (requires R with MatchIt,
# sandwich, clubSandwich, estimatr, lme4, jsonlite).
set -e
cd "$(dirname "$0")"
(cd lalonde && Rscript make_lalonde.R)
(cd cluster && Rscript make_cluster_data.R)
(cd did && Rscript make_did_data.R)
(cd power && Rscript make_power.R)
(cd did_panel && Rscript make_panel_reference.R)
(cd mixed && Rscript make_mixed_reference.R)
(cd effect_size && Rscript make_hedges_reference.R)
(cd study_sensitivity && Rscript make_study_sensitivity.R)
(cd survey && Rscript make_survey_reference.R)
(cd design-ext && Rscript make_design_ext.R)
(cd balance && Rscript make_pstest.R)
(cd cr2 && Rscript make_cr2_reference.R)
(cd did_cr2 && Rscript make_did_cr2_reference.R)
(cd common_sample && Rscript make_common_sample.R)
(cd school_did_panel && Rscript make_school_did_panel.R)
(cd normal && Rscript make_normal.R)
Rscript -e 'pk <- c("MatchIt","sandwich","clubSandwich","estimatr","lme4","jsonlite"); cat(R.version.string, "\n", sep = ""); for (p in pk) cat(p, " ", as.character(packageVersion(p)), "\n", sep = "")' > versions.txt
cat versions.txt
