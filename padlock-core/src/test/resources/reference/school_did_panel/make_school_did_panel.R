# A small school-did study with a panel (2015-2018, programme from 2018) and CR2 reference values:
# 40 schools (20 treated, 20 comparison; 1:1 matching without replacement on x uses every school with
# weight 1), analysis clusters = column grp (10 groups of 4 schools), 3 missing 2018 outcomes.
#  * primary row: lm(y_2018 - y_2017 ~ treatment + x), clubSandwich 0.5.8 vcovCR CR2 by grp,
#    coef_test Satterthwaite;
#  * panel: lm(y ~ factor(school) + factor(period) + rel_m3 + rel_m2 + rel_0) and the static
#    lm(y ~ factor(school) + factor(period) + treat_post), CR2 by grp, Satterthwaite; pre-trend
#    Wald_test Naive-F on rel_m3, rel_m2; unweighted means by period and arm.
# Run from this folder:  Rscript make_school_did_panel.R   (writes schools.csv, outcomes.csv, school_did_panel_reference.json)
suppressPackageStartupMessages({
  library(clubSandwich)
  library(jsonlite)
})
wj <- function(x, path) write_json(x, path, digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null")
set.seed(20261128)
G <- 40
sc <- data.frame(URN = sprintf("U%03d", 1:G), treated = rep(c(1L, 0L), each = 20),
                 grp = sprintf("G%02d", c(rep(1:10, each = 2), rep(1:10, each = 2))))
sc$x <- round(rnorm(G), 6)
a <- rnorm(G, 100, 3)
yr <- 2015:2018; trend <- c(0, 0.4, 0.9, 1.2)
Y <- sapply(seq_along(yr), function(k) round(a + trend[k] + 0.5 * sc$x + (yr[k] == 2018) * sc$treated * 1.0 +
                                               (yr[k] == 2016) * sc$treated * 0.2 + rnorm(G, 0, 0.8), 4))
sc$y_2015 <- Y[, 1]; sc$y_2016 <- Y[, 2]; sc$y_2017 <- Y[, 3]
oc <- data.frame(URN = sc$URN, y_2018 = Y[, 4])
oc$y_2018[c(5, 22, 31)] <- NA
write.csv(sc, "schools.csv", row.names = FALSE, quote = FALSE)
write.csv(oc, "outcomes.csv", row.names = FALSE, quote = FALSE, na = "")

sc <- read.csv("schools.csv", stringsAsFactors = FALSE); oc <- read.csv("outcomes.csv", stringsAsFactors = FALSE)
d <- merge(sc, oc, by = "URN")
d$treatment <- d$treated
ct <- function(fit, v, term) {
  r <- coef_test(fit, vcov = v, test = "Satterthwaite", coefs = term)
  ci <- conf_int(fit, vcov = v, test = "Satterthwaite", coefs = term, level = 0.95)
  list(estimate = unname(coef(fit)[term]), std_error = r$SE, df = r$df_Satt, p_value = r$p_Satt,
       ci_lower = ci$CI_L, ci_upper = ci$CI_U)
}
ch <- d[!is.na(d$y_2018), ]
fp <- lm(I(y_2018 - y_2017) ~ treatment + x, data = ch)
primary <- c(ct(fp, vcovCR(fp, cluster = ch$grp, type = "CR2"), "treatment"), list(n = nobs(fp)))

long <- do.call(rbind, lapply(yr, function(t) data.frame(school = d$URN, grp = d$grp, treat = d$treated, period = t,
                                                          y = d[[paste0("y_", t)]])))
long <- long[!is.na(long$y), ]
k <- long$period - 2018
long$rel_m3 <- as.integer(long$treat == 1 & k == -3)
long$rel_m2 <- as.integer(long$treat == 1 & k == -2)
long$rel_0 <- as.integer(long$treat == 1 & k == 0)
long$treat_post <- long$rel_0
fe <- lm(y ~ factor(school) + factor(period) + rel_m3 + rel_m2 + rel_0, data = long)
st <- lm(y ~ factor(school) + factor(period) + treat_post, data = long)
V <- vcovCR(fe, cluster = long$grp, type = "CR2")
wt <- Wald_test(fe, constraints = constrain_zero(c("rel_m3", "rel_m2")), vcov = V, test = "Naive-F")
tr <- aggregate(y ~ period + treat, data = long, FUN = mean)
tr <- tr[order(tr$treat, tr$period), ]
panel <- list(n = nobs(fe), n_clusters = length(unique(long$grp)),
              static = ct(st, vcovCR(st, cluster = long$grp, type = "CR2"), "treat_post"),
              event_study = list(c(list(relative_period = -3), ct(fe, V, "rel_m3")),
                                 c(list(relative_period = -2), ct(fe, V, "rel_m2")),
                                 c(list(relative_period = 0), ct(fe, V, "rel_0"))),
              pre_trend = list(f = wt$Fstat, df1 = wt$df_num, df2 = wt$df_denom, p_value = wt$p_val),
              trends = list(period = tr$period, treated = tr$treat, mean = tr$y))
wj(list(primary = primary, panel = panel), "school_did_panel_reference.json")
str(primary); str(panel$pre_trend)
