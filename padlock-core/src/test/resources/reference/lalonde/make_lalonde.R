# Reference values for propensity-score estimation and nearest-neighbour matching
# on MatchIt's `lalonde` data.  Run from this folder:  Rscript make_lalonde.R
# Writes lalonde.csv, glm.json, nn_plain.json, nn_caliper.json,
# nn_discard_both.json, nn_exact_race.json, nn_logit_caliper.json,
# matchit_binary_check.json (needs nn_match_fixed.R; see README.md for why).
suppressPackageStartupMessages({
  library(MatchIt)
  library(jsonlite)
})

wj <- function(x, path) {
  write_json(x, path, digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null")
}

# ---------------------------------------------------------------- data --------
data("lalonde", package = "MatchIt")
out <- data.frame(
  id       = rownames(lalonde),
  treat    = lalonde$treat,
  age      = lalonde$age,
  educ     = lalonde$educ,
  race     = as.character(lalonde$race),
  married  = lalonde$married,
  nodegree = lalonde$nodegree,
  re74     = lalonde$re74,
  re75     = lalonde$re75,
  re78     = lalonde$re78,
  stringsAsFactors = FALSE
)
write.csv(out, "lalonde.csv", row.names = FALSE, quote = FALSE)

# Read the CSV back and make sure it round-trips exactly, then work on it,
# so that R and Java start from byte-identical input.
d <- read.csv("lalonde.csv", stringsAsFactors = FALSE)
stopifnot(identical(d$id, out$id))
for (v in c("treat", "age", "educ", "married", "nodegree", "re74", "re75", "re78"))
  stopifnot(isTRUE(all(as.numeric(d[[v]]) == as.numeric(out[[v]]))))
d$race <- factor(d$race, levels = c("black", "hispan", "white"))
rownames(d) <- d$id

f <- treat ~ age + educ + race + married + nodegree + re74 + re75

# ---------------------------------------------------------------- glm ---------
g <- glm(f, data = d, family = binomial(link = "logit"))
sg <- summary(g)$coefficients
glm_out <- list(
  formula = deparse(f),
  n = nrow(d),
  coefficients = lapply(setNames(rownames(sg), rownames(sg)), function(r) list(
    estimate  = unname(sg[r, "Estimate"]),
    std_error = unname(sg[r, "Std. Error"]),
    z_value   = unname(sg[r, "z value"]),
    p_value   = unname(sg[r, "Pr(>|z|)"])
  )),
  coefficient_names = rownames(sg),
  log_likelihood = as.numeric(logLik(g)),
  deviance = g$deviance,
  null_deviance = g$null.deviance,
  aic = g$aic,
  iterations = g$iter,
  converged = g$converged,
  glm_control = list(epsilon = g$control$epsilon, maxit = g$control$maxit),
  propensity_scores = data.frame(id = d$id, ps = unname(fitted(g)),
                                 linear_predictor = unname(g$linear.predictors),
                                 stringsAsFactors = FALSE)
)
wj(glm_out, "glm.json")

# ---------------------------------------------------------------- matching ----
bal_table <- function(tab) {
  cn <- c("Means Treated" = "means_treated", "Means Control" = "means_control",
          "Std. Mean Diff." = "std_mean_diff", "Var. Ratio" = "var_ratio",
          "eCDF Mean" = "ecdf_mean", "eCDF Max" = "ecdf_max",
          "Std. Pair Dist." = "std_pair_dist")
  rows <- lapply(rownames(tab), function(r) {
    x <- list(covariate = r)
    for (k in names(cn)) if (k %in% colnames(tab)) x[[cn[[k]]]] <- unname(tab[r, k])
    x
  })
  rows
}

nn_matrix <- function(nn) {
  lapply(setNames(rownames(nn), rownames(nn)), function(r)
    list(control = unname(nn[r, "Control"]), treated = unname(nn[r, "Treated"])))
}

run_case <- function(name, file, description, ...) {
  set.seed(1)  # nearest matching with m.order="largest" is deterministic; seed only for safety
  m <- suppressWarnings(matchit(f, data = d, method = "nearest", ratio = 1, replace = FALSE, ...))
  s <- summary(m)  # default: un = TRUE, interactions = FALSE, standardize = TRUE
  ids <- d$id
  sub <- m$subclass
  # Map every subclass to the id of its (single) treated unit
  treated_of_sub <- tapply(seq_along(ids), sub, function(i) {
    tr <- i[d$treat[i] == 1]
    stopifnot(length(tr) == 1)
    ids[tr]
  })
  sub_id <- ifelse(is.na(sub), NA_character_, treated_of_sub[as.character(sub)])
  dist <- unname(m$distance)
  disc <- unname(m$discarded)

  # Caliper width in distance units, as we would compute it
  cal_sd_nondisc <- sd(dist[!disc])
  cal_sd_all <- sd(dist)
  stored <- m$caliper
  units <- data.frame(id = ids, treat = d$treat, distance = dist,
                      weight = unname(m$weights),
                      subclass = unname(sub_id),
                      discarded = as.integer(disc),
                      stringsAsFactors = FALSE)
  # Order in which treated units were matched (row names of match.matrix are
  # treated ids in data order, not matching order); record matched control per treated unit.
  mm <- m$match.matrix
  pairs <- data.frame(treated = rownames(mm), control = unname(mm[, 1]), stringsAsFactors = FALSE)

  res <- list(
    case = name,
    description = description,
    call = paste(deparse(m$call, width.cutoff = 500), collapse = " "),
    n_treated_matched = sum(m$weights > 0 & d$treat == 1),
    n_control_matched = sum(m$weights > 0 & d$treat == 0),
    n_discarded = sum(disc),
    caliper = if (is.null(stored)) NA else list(
      requested = 0.2,
      std_caliper = TRUE,
      width_computed_sd_nondiscarded = 0.2 * cal_sd_nondisc,
      width_computed_sd_all = 0.2 * cal_sd_all,
      sd_distance_nondiscarded = cal_sd_nondisc,
      sd_distance_all = cal_sd_all,
      matchit_stored = unname(stored[1]),
      matchit_stored_name = names(stored)[1]
    ),
    units = units,
    pairs = pairs,
    balance_matched = bal_table(s$sum.matched),
    balance_all = bal_table(s$sum.all),
    nn = nn_matrix(s$nn)
  )
  wj(res, file)
  invisible(list(m = m, s = s, res = res))
}

# ------------------------------------------------------------------------------
# MatchIt 4.5.1's compiled matcher truncates |distance differences| to integers
# (see nn_match_fixed.R).  Procedure:
#   1. run every case with the installed compiled matcher ("raw");
#   2. swap in the R re-implementation with the truncation emulated and check it
#      reproduces the raw results exactly (proves the re-implementation is
#      faithful to MatchIt's algorithm, tie-breaking included);
#   3. swap in the R re-implementation with a correct abs() and produce the
#      reference files from that ("fixed").  Everything else (glm PS, caliper
#      width, weights, subclasses, summary()) is unmodified MatchIt code.
source("nn_match_fixed.R")
cases <- list(
  list(name = "nn_plain", desc = "nearest, ratio=1, replace=FALSE, m.order='largest', distance=glm logit PS, no caliper",
       args = list()),
  list(name = "nn_caliper", desc = "as nn_plain plus caliper=0.2 (std.caliper=TRUE)",
       args = list(caliper = 0.2)),
  list(name = "nn_discard_both", desc = "as nn_plain plus discard='both'",
       args = list(discard = "both")),
  list(name = "nn_exact_race", desc = "as nn_plain plus exact=~race",
       args = list(exact = ~race)),
  list(name = "nn_logit_caliper", desc = "distance='glm', link='linear.logit' (distance = logit of PS), caliper=0.2 (std.caliper=TRUE)",
       args = list(distance = "glm", link = "linear.logit", caliper = 0.2))
)
fit_case <- function(cs) suppressWarnings(
  do.call(matchit, c(list(f, data = d, method = "nearest", ratio = 1, replace = FALSE), cs$args)))
same_match <- function(a, b) identical(a$match.matrix, b$match.matrix) &&
  identical(a$weights, b$weights) && identical(as.character(a$subclass), as.character(b$subclass))

compiled_matcher <- get("nn_matchC_vec", envir = asNamespace("MatchIt"))
raw <- lapply(cases, fit_case)
use_r_matcher(trunc_abs = TRUE)
emul <- lapply(cases, fit_case)
use_r_matcher(trunc_abs = FALSE)
check <- list()
for (i in seq_along(cases)) {
  stopifnot(same_match(raw[[i]], emul[[i]]))
}

results <- list()
for (i in seq_along(cases)) {
  cs <- cases[[i]]
  nn_near_ties$log <- list()
  r <- do.call(run_case, c(list(cs$name, paste0(cs$name, ".json"), cs$desc), cs$args))
  results[[cs$name]] <- r
  check[[cs$name]] <- list(
    emulation_reproduces_installed_binary = same_match(raw[[i]], emul[[i]]),
    identical_to_installed_binary = same_match(raw[[i]], r$m),
    n_treated_matched_installed_binary = sum(raw[[i]]$weights > 0 & d$treat == 1),
    n_treated_matched_fixed = r$res$n_treated_matched,
    n_treated_with_same_match = sum(raw[[i]]$match.matrix[, 1] == r$m$match.matrix[, 1] |
                                    (is.na(raw[[i]]$match.matrix[, 1]) & is.na(r$m$match.matrix[, 1])),
                                    na.rm = TRUE),
    max_pair_distance_installed_binary = max(abs(raw[[i]]$distance[rownames(raw[[i]]$match.matrix)] -
                                                 raw[[i]]$distance[raw[[i]]$match.matrix[, 1]]), na.rm = TRUE),
    near_tie_decisions = nn_near_ties$log,
    max_pair_distance_fixed = max(abs(r$m$distance[rownames(r$m$match.matrix)] -
                                      r$m$distance[r$m$match.matrix[, 1]]), na.rm = TRUE)
  )
}
# Independent brute-force check of the fixed results: visiting treated units in
# decreasing distance order, each matched control must be at the minimum
# |distance difference| among controls still available at that moment (same
# exact stratum, not discarded, within caliper); unmatched treated units must
# have no such control.
greedy_ok <- function(m, exact = NULL) {
  dist <- unname(m$distance); tr <- d$treat == 1; disc <- unname(m$discarded)
  cal <- if (is.null(m$caliper)) Inf else m$caliper[[1]]
  used <- rep(FALSE, nrow(d))
  ctl <- match(m$match.matrix[, 1], d$id)          # rows of match.matrix are treated in data order
  names(ctl) <- rownames(m$match.matrix)
  for (t in which(tr)[order(dist[tr], decreasing = TRUE)]) {
    if (disc[t]) { if (!is.na(ctl[d$id[t]])) return(FALSE); next }
    el <- which(!tr & !disc & !used & abs(dist - dist[t]) <= cal)
    if (!is.null(exact)) el <- el[exact[el] == exact[t]]
    c0 <- ctl[d$id[t]]
    if (length(el) == 0) { if (!is.na(c0)) return(FALSE); next }
    if (is.na(c0) || !(c0 %in% el)) return(FALSE)
    if (abs(dist[c0] - dist[t]) > min(abs(dist[el] - dist[t]))) return(FALSE)
    used[c0] <- TRUE
  }
  TRUE
}
for (nm in names(results)) {
  ok <- greedy_ok(results[[nm]]$m, exact = if (nm == "nn_exact_race") as.character(d$race) else NULL)
  check[[nm]]$brute_force_greedy_check_passed <- ok
  stopifnot(ok)
}
utils::assignInNamespace("nn_matchC_vec", compiled_matcher, ns = "MatchIt")
wj(list(
  note = paste("The installed MatchIt 4.5.1 binary truncates |distance differences| to integers in its",
               "nearest-neighbour matcher (MatchIt issue #163). The nn_*.json files come from the same",
               "algorithm with a correct abs(); this file compares them with the installed binary."),
  cases = check), "matchit_binary_check.json")

# Sanity checks printed to the console
cat("glm coefficients:\n"); print(coef(g))
cat("max |MatchIt PS - glm PS| =", max(abs(results$nn_plain$m$distance - fitted(g))), "\n")
cat("duplicated PS values:", sum(duplicated(fitted(g))), "\n")
for (nm in names(results)) {
  r <- results[[nm]]$res
  cat(nm, ": treated matched", r$n_treated_matched,
      " control matched", r$n_control_matched, " discarded", r$n_discarded,
      " | installed binary treated matched", check[[nm]]$n_treated_matched_installed_binary,
      " same match", check[[nm]]$n_treated_with_same_match,
      " max pair dist fixed/binary", signif(check[[nm]]$max_pair_distance_fixed, 4),
      signif(check[[nm]]$max_pair_distance_installed_binary, 4), "\n")
  cat("   near-tie left/right decisions:", length(check[[nm]]$near_tie_decisions), "\n")
  if (is.list(r$caliper)) {
    cat("   caliper stored", r$caliper$matchit_stored,
        " 0.2*sd(nondisc)", r$caliper$width_computed_sd_nondiscarded, "\n")
  }
}
