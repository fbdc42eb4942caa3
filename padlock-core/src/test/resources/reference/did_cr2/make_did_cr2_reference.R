# CR2 reference values for the long-panel difference-in-differences (padlock did --se cr2):
# event-study coefficients (relative-period dummies x treated, reference -1) and the static
# treated x post estimate, unit and period fixed effects as dummies in lm, clubSandwich
# vcovCR(type = "CR2") (default target: inverse_var = FALSE for weighted lm) with
# coef_test(test = "Satterthwaite"); the joint pre-trend test by Wald_test with the naive F
# (test = "Naive-F": F(q, G - 1), what padlock computes) and, for the record, the HTZ test
# (Pustejovsky and Tipton 2018), clubSandwich's recommended small-sample test.
# Data: ../did_panel/panel_data.csv (48 schools x 2014-2019, first treated 2017).
# Run from this folder:  Rscript make_did_cr2_reference.R   (writes did_cr2_reference.json)
suppressPackageStartupMessages({
  library(clubSandwich)
  library(jsonlite)
})
wj <- function(x, path) write_json(x, path, digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null")
first <- 2017
d <- read.csv("../did_panel/panel_data.csv", stringsAsFactors = FALSE)
d <- d[!is.na(d$y), ]
d$k <- d$period - first
rel <- c(-3, -2, 0, 1, 2)
nm <- function(r) if (r < 0) paste0("rel_m", -r) else paste0("rel_", r)
for (r in rel) d[[nm(r)]] <- as.integer(d$treat == 1 & d$k == r)
d$treat_post <- as.integer(d$treat == 1 & d$k >= 0)

block <- function(weighted, cluster, covs) {
  fm <- as.formula(paste("y ~", paste(c("factor(unit)", "factor(period)", sapply(rel, nm), covs), collapse = " + ")))
  fs <- as.formula(paste("y ~", paste(c("factor(unit)", "factor(period)", "treat_post", covs), collapse = " + ")))
  fe <- if (weighted) lm(fm, data = d, weights = w) else lm(fm, data = d)
  st <- if (weighted) lm(fs, data = d, weights = w) else lm(fs, data = d)
  cl <- d[[cluster]]
  V <- vcovCR(fe, cluster = cl, type = "CR2")
  Vs <- vcovCR(st, cluster = cl, type = "CR2")
  ct <- function(fit, v, term) {
    r <- coef_test(fit, vcov = v, test = "Satterthwaite", coefs = term)
    ci <- conf_int(fit, vcov = v, test = "Satterthwaite", coefs = term, level = 0.95)
    list(estimate = unname(coef(fit)[term]), std_error = r$SE, df = r$df_Satt, t = r$tstat,
         p_value = r$p_Satt, ci_lower = ci$CI_L, ci_upper = ci$CI_U)
  }
  es <- lapply(rel, function(r) c(list(relative_period = r), ct(fe, V, nm(r))))
  pre <- c("rel_m3", "rel_m2")
  wt <- Wald_test(fe, constraints = constrain_zero(pre), vcov = V, test = c("Naive-F", "HTZ"))
  list(weighted = weighted, cluster = cluster, covariates = I(covs), n = nobs(fe), n_clusters = length(unique(cl)),
       static = ct(st, Vs, "treat_post"), event_study = es,
       pre_trend_naive_f = list(terms = I(pre), f = wt$Fstat[wt$test == "Naive-F"], df1 = wt$df_num[wt$test == "Naive-F"],
                                df2 = wt$df_denom[wt$test == "Naive-F"], p_value = wt$p_val[wt$test == "Naive-F"]),
       pre_trend_htz = list(f = wt$Fstat[wt$test == "HTZ"], df1 = wt$df_num[wt$test == "HTZ"],
                            df2 = wt$df_denom[wt$test == "HTZ"], p_value = wt$p_val[wt$test == "HTZ"]))
}
ref <- list(weighted_partnership_x = block(TRUE, "partnership", "x"),
            unweighted_unit = block(FALSE, "unit", character(0)))
wj(ref, "did_cr2_reference.json")
str(ref$weighted_partnership_x$static)
str(ref$weighted_partnership_x$pre_trend_naive_f)
str(ref$weighted_partnership_x$pre_trend_htz)
