# Hedges' g for cluster designs (Hedges 2007, "Effect sizes in cluster-randomized designs",
# J. Educ. Behav. Stat. 32(4): 341-370), as the R package eefAnalytics (1.0.x, crtFREQ with its
# internal g.within / g.total) computes it: the treatment coefficient of the random-intercept model
# (lmer, REML) divided by the within-school SD (Within) or the total SD (Total), the variances taken
# from the conditional model (with covariates) or the unconditional model (y ~ 1 + (1|school)),
# with Hedges' 2007 standard errors for unequal cluster sizes and a +-1.96 SE interval.
# eefAnalytics is not installed here (not in Debian); its formulas are re-implemented below from
# Hedges (2007) eqs. for d_W and d_T and checked against the package source, and values are
# computed unrounded (crtFREQ rounds its output to 2 decimals).
# Run from this folder:  Rscript make_hedges_reference.R   (writes hedges_reference.json)
suppressPackageStartupMessages({
  library(lme4)
  library(jsonlite)
})
wj <- function(x, path) write_json(x, path, digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null")

ctrl <- lmerControl(optimizer = function(fn, par, lower, upper, control = list(), ...) {
  o <- optimize(fn, c(0, 20), tol = 1e-12); f0 <- fn(0)
  if (f0 <= o$objective) o <- list(minimum = 0, objective = f0)
  list(par = o$minimum, fval = o$objective, conv = 0, message = "stats::optimize")
}, calc.derivs = FALSE)

# cluster-size summaries of a two-arm cluster design
sizes <- function(treat, school) {
  nt <- as.numeric(table(school[treat == 1])); nc <- as.numeric(table(school[treat == 0]))
  Nt <- sum(nt); Nc <- sum(nc); N <- Nt + Nc; mt <- length(nt); mc <- length(nc)
  ntilde <- Nc * sum(nt^2) / (Nt * N) + Nt * sum(nc^2) / (Nc * N)
  nut <- (Nt^2 - sum(nt^2)) / (Nt * (mt - 1)); nuc <- (Nc^2 - sum(nc^2)) / (Nc * (mc - 1))
  At <- (Nt^2 * sum(nt^2) + sum(nt^2)^2 - 2 * Nt * sum(nt^3)) / Nt^2
  Ac <- (Nc^2 * sum(nc^2) + sum(nc^2)^2 - 2 * Nc * sum(nc^3)) / Nc^2
  list(Nt = Nt, Nc = Nc, N = N, mt = mt, mc = mc, M = mt + mc, ntilde = ntilde, nut = nut, nuc = nuc,
       A = At + Ac, B = nut * (mt - 1) + nuc * (mc - 1))
}
es_within <- function(beta, varW, rho, s) {
  g <- beta / sqrt(varW)
  v <- s$N / (s$Nt * s$Nc) * (1 + (s$ntilde - 1) * rho) / (1 - rho) + g^2 / (2 * (s$N - s$M))
  list(g = g, se = sqrt(v), ci_lower = g - 1.96 * sqrt(v), ci_upper = g + 1.96 * sqrt(v))
}
es_total <- function(beta, varT, rho, s) {
  adj <- sqrt(1 - rho * ((s$N - s$nut * s$mt - s$nuc * s$mc) + s$nut + s$nuc - 2) / (s$N - 2))
  g <- beta / sqrt(varT) * adj
  num <- ((s$N - 2) * (1 - rho)^2 + s$A * rho^2 + 2 * s$B * rho * (1 - rho)) * g^2
  den <- 2 * (s$N - 2) * ((s$N - 2) - rho * (s$N - 2 - s$B))
  v <- s$N / (s$Nt * s$Nc) * (1 + (s$ntilde - 1) * rho) + num / den
  list(g = g, se = sqrt(v), ci_lower = g - 1.96 * sqrt(v), ci_upper = g + 1.96 * sqrt(v))
}
block <- function(d, fcond) {
  m1 <- lmer(fcond, data = d, REML = TRUE, control = ctrl)
  m0 <- lmer(y ~ 1 + (1 | school), data = d, REML = TRUE, control = ctrl)
  beta <- unname(fixef(m1)["treat"])
  vc <- function(m) { v <- as.data.frame(VarCorr(m)); c(B = v$vcov[1], W = v$vcov[2]) }
  v1 <- vc(m1); v0 <- vc(m0)
  s <- sizes(d$treat, d$school)
  one <- function(v) {
    rho <- unname(v["B"] / (v["B"] + v["W"]))
    list(var_between = unname(v["B"]), var_within = unname(v["W"]), icc = rho,
         within = es_within(beta, unname(v["W"]), rho, s), total = es_total(beta, unname(v["B"] + v["W"]), rho, s))
  }
  list(formula = deparse(fcond), beta = beta, n = nrow(d), sizes = s, conditional = one(v1), unconditional = one(v0))
}

cd <- read.csv("../cluster/cluster_data.csv", stringsAsFactors = FALSE)
cd <- cd[!is.na(cd$y), ]
cd$x2_missing <- as.integer(is.na(cd$x2)); cd$x2[is.na(cd$x2)] <- 0
cd$f <- factor(cd$f, levels = c("a", "b", "c"))
ub <- read.csv("../mixed/unbalanced_data.csv", stringsAsFactors = FALSE)

ref <- list(
  cluster = block(cd, y ~ treat + x1 + x2 + x2_missing + f + (1 | school)),
  unbalanced = block(ub, y ~ treat + ses + x1 + (1 | school)))
wj(ref, "hedges_reference.json")
str(ref$cluster$unconditional)
