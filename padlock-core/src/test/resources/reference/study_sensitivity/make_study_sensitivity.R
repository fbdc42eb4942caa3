# A small pupil-matched study (20 schools: 10 treated, 10 comparison, so 1:1 matching without
# replacement uses every school with weight 1) and reference values for two study-plan rows:
#  * the treatment x ever-FSM interaction of the primary model (lm + sandwich::vcovCL HC1, t(G-1));
#  * the random-effects sensitivity row (lme4::lmer REML, random intercept for the school),
#    with the t test on G - p2 df (p2 = school-level fixed effects incl. the intercept).
# Run from this folder:  Rscript make_study_sensitivity.R
suppressPackageStartupMessages({
  library(sandwich)
  library(lme4)
  library(jsonlite)
})
wj <- function(x, path) write_json(x, path, digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null")

set.seed(20261126)
G <- 20
schools <- data.frame(school_id = sprintf("SC%02d", 1:G), treated = rep(c(1L, 0L), each = 10),
                      x = round(rnorm(G), 6))
sizes <- sample(15:45, G, replace = TRUE)
s <- rep(1:G, sizes); n <- length(s)
u <- rnorm(G, 0, 0.3)
fsm <- rbinom(n, 1, 0.3)
ks2 <- round(rnorm(n), 6)
tr <- schools$treated[s]
y <- 0.1 * tr + 0.2 * schools$x[s] + 0.5 * ks2 - 0.3 * fsm + 0.25 * tr * fsm + u[s] + rnorm(n)
y[sample(n, 12)] <- NA
pupils <- data.frame(pupil_id = sprintf("PP%04d", 1:n), school_id = schools$school_id[s], fsm = fsm,
                     ks2 = ks2, y = round(y, 6))
write.csv(schools, "schools.csv", row.names = FALSE, quote = FALSE)
write.csv(pupils, "pupils.csv", row.names = FALSE, quote = FALSE, na = "NA")

sc <- read.csv("schools.csv", stringsAsFactors = FALSE)
pu <- read.csv("pupils.csv", stringsAsFactors = FALSE)
d <- merge(pu, sc, by = "school_id")
d <- d[!is.na(d$y), ]
d$treatment <- d$treated
G <- length(unique(d$school_id)); tq <- qt(0.975, G - 1)
# in_fsm = 1[fsm == 1] equals the covariate fsm, so it is left out here (padlock drops it as collinear)
fi <- lm(y ~ treatment + fsm + ks2 + x + treatment:fsm, data = d)
V <- vcovCL(fi, cluster = ~school_id, type = "HC1")
b <- coef(fi)["treatment:fsm"]; se <- sqrt(V["treatment:fsm", "treatment:fsm"])
inter <- list(estimate = unname(b), std_error = unname(se), df = G - 1,
              p_value = unname(2 * pt(abs(b / se), G - 1, lower.tail = FALSE)),
              ci_lower = unname(b - tq * se), ci_upper = unname(b + tq * se), n = nobs(fi), n_clusters = G)
ctrl <- lmerControl(optimizer = function(fn, par, lower, upper, control = list(), ...) {
  o <- optimize(fn, c(0, 20), tol = 1e-12); f0 <- fn(0)
  if (f0 <= o$objective) o <- list(minimum = 0, objective = f0)
  list(par = o$minimum, fval = o$objective, conv = 0, message = "stats::optimize")
}, calc.derivs = FALSE)
m <- lmer(y ~ treatment + fsm + ks2 + x + (1 | school_id), data = d, REML = TRUE, control = ctrl)
bm <- fixef(m)["treatment"]; sem <- sqrt(as.matrix(vcov(m))["treatment", "treatment"])
dfm <- G - 3   # intercept, treatment and x are constant within schools
re <- list(estimate = unname(bm), std_error = unname(sem), df = dfm,
           p_value = unname(2 * pt(abs(bm / sem), dfm, lower.tail = FALSE)),
           ci_lower = unname(bm - qt(0.975, dfm) * sem), ci_upper = unname(bm + qt(0.975, dfm) * sem),
           var_school = as.data.frame(VarCorr(m))$vcov[1], n = nobs(m))
wj(list(interaction_fsm = inter, random_effects = re), "study_sensitivity_reference.json")
str(inter); str(re)
