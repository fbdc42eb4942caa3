# R side of run_estimators_vs_r.sh: reads the CSV and fits one model, printing the in-process times.
# Usage: Rscript estimators_bench.R FILE cr1|lm_robust|cr2|mixed
suppressPackageStartupMessages({
  library(sandwich)
  library(clubSandwich)
  library(estimatr)
  library(lme4)
})
a <- commandArgs(TRUE)
t0 <- proc.time()[["elapsed"]]
d <- read.csv(a[1])
d$school <- factor(d$school)
t1 <- proc.time()[["elapsed"]]
xs <- grep("^x[0-9]+$", names(d), value = TRUE)
fm <- as.formula(paste("y ~ treat +", paste(xs, collapse = " + ")))
mode <- a[2]
if (mode == "cr1") {
  f <- lm(fm, data = d, weights = w)
  V <- vcovCL(f, cluster = ~school, type = "HC1")
  res <- c(coef(f)[["treat"]], sqrt(V["treat", "treat"]))
} else if (mode == "lm_robust") {
  f <- lm_robust(fm, data = d, weights = w, clusters = school, se_type = "stata")
  res <- c(coef(f)[["treat"]], f$std.error[["treat"]])
} else if (mode == "cr2") {
  f <- lm(fm, data = d, weights = w)
  V <- vcovCR(f, cluster = d$school, type = "CR2")
  ct <- coef_test(f, vcov = V, test = "Satterthwaite")
  res <- c(coef(f)[["treat"]], ct$SE[ct$Coef == "treat"], ct$df_Satt[ct$Coef == "treat"])
} else if (mode == "mixed") {
  f <- lmer(update(fm, . ~ . + (1 | school)), data = d, REML = TRUE)
  res <- c(fixef(f)[["treat"]], sqrt(vcov(f)["treat", "treat"]))
} else stop("mode must be cr1, lm_robust, cr2 or mixed")
t2 <- proc.time()[["elapsed"]]
cat(sprintf("read %.2f s, model %.2f s; treat estimate %.10g, se %.10g%s\n", t1 - t0, t2 - t1, res[1], res[2],
            if (length(res) > 2) sprintf(", df %.6g", res[3]) else ""))
