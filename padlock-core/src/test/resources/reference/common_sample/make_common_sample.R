# Common-sample sensitivity row (analysis.common_sample: true): the primary model re-run on the
# pupils with every outcome observed. Data: the 20-school study of ../study_sensitivity (1:1
# matching uses every school with weight 1) plus a second outcome y2 missing for other pupils.
# Reference: lm(y ~ treatment + fsm + ks2 + x) on pupils with y and y2 observed, sandwich::vcovCL
# HC1 clustered by school, t(G - 1); also the full-sample primary row for contrast.
# Run from this folder:  Rscript make_common_sample.R   (writes pupils.csv, schools.csv, common_sample_reference.json)
suppressPackageStartupMessages({
  library(sandwich)
  library(jsonlite)
})
wj <- function(x, path) write_json(x, path, digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null")
set.seed(20261127)
sc <- read.csv("../study_sensitivity/schools.csv", stringsAsFactors = FALSE)
pu <- read.csv("../study_sensitivity/pupils.csv", stringsAsFactors = FALSE)
pu$y2 <- round(0.6 * pu$ks2 + rnorm(nrow(pu)), 6)
pu$y2[sample(nrow(pu), 40)] <- NA
write.csv(sc, "schools.csv", row.names = FALSE, quote = FALSE)
write.csv(pu, "pupils.csv", row.names = FALSE, quote = FALSE, na = "NA")

d <- merge(read.csv("pupils.csv", stringsAsFactors = FALSE), read.csv("schools.csv", stringsAsFactors = FALSE), by = "school_id")
d$treatment <- d$treated
row <- function(s) {
  f <- lm(y ~ treatment + fsm + ks2 + x, data = s)
  G <- length(unique(s$school_id)); tq <- qt(0.975, G - 1)
  V <- vcovCL(f, cluster = ~school_id, type = "HC1")
  b <- coef(f)["treatment"]; se <- sqrt(V["treatment", "treatment"])
  list(estimate = unname(b), std_error = unname(se), df = G - 1,
       p_value = unname(2 * pt(abs(b / se), G - 1, lower.tail = FALSE)),
       ci_lower = unname(b - tq * se), ci_upper = unname(b + tq * se), n = nobs(f), n_clusters = G)
}
ref <- list(common_sample = row(d[!is.na(d$y) & !is.na(d$y2), ]), full_sample = row(d[!is.na(d$y), ]))
wj(ref, "common_sample_reference.json")
str(ref)
