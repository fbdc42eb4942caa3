# Pure-R drop-in replacement for MatchIt:::nn_matchC_vec (MatchIt 4.5.1), the
# compiled greedy nearest-neighbour matcher used when `distance` is a vector.
#
# Why: the compiled routine in MatchIt 4.5.1-4.5.3 calls C `abs()` on doubles.
# With g++/libstdc++ and `using namespace Rcpp` this resolves to `int abs(int)`,
# so every |distance difference| is truncated toward zero to an integer.
# Consequences: (1) a caliper narrower than 1 distance unit never excludes
# anything, and (2) the left/right "which control is closer" comparison is 0 <= 0
# and therefore always picks the control with the next-lower distance.
# (Upstream: kosukeimai/MatchIt issue #163, "Caliper not working as intended on
# versions 4.5.1 - 4.5.3".)
#
# This function re-implements the same algorithm (same sort, same scan, same
# tie-breaking, same order of eligibility checks). With trunc_abs = TRUE it
# emulates the buggy build (make_lalonde.R verifies it reproduces the installed
# binary exactly); with trunc_abs = FALSE it is the intended algorithm.
#
# Only what the lalonde references need is supported: ratio = 1, matching
# without replacement (reuse.max = 1), optional distance caliper, optional exact
# codes; no covariate calipers, antiexact, or unit.id.
#
# Algorithm (ATT, treated = focal):
#  * all units are sorted by distance ascending with a stable sort
#    (base::sort.list), so ties keep data order;
#  * treated units are visited in the order given by `ord_` (for m.order =
#    "largest": order(distance[treated], decreasing = TRUE), also stable);
#  * discarded treated units are skipped; discarded controls are never eligible;
#  * from the treated unit's position, scan left (lower distance) and right
#    (higher distance) for the first eligible control: skip treated units and
#    already-used controls; then, if a caliper is set and that control is
#    farther than the caliper, stop scanning in that direction (no match on that
#    side); then skip controls whose exact code differs; otherwise take it;
#  * if both sides found one, take the left one when |d_left - d_t| <=
#    |d_right - d_t| (ties -> lower distance), else the right one;
#  * a control at exactly the caliper distance is allowed (exclusion is ">").
nn_matchC_vec_R <- function(treat_, ord_, ratio_, discarded_, reuse_max, distance_,
                            exact_ = NULL, caliper_dist_ = NULL, caliper_covs_ = NULL,
                            caliper_covs_mat_ = NULL, antiexact_covs_ = NULL,
                            unit_id_ = NULL, disl_prog = FALSE, trunc_abs = FALSE) {
  if (!is.null(caliper_covs_) || !is.null(antiexact_covs_) || !is.null(unit_id_))
    stop("nn_matchC_vec_R: covariate calipers, antiexact and unit.id are not supported")
  if (any(ratio_ != 1L) || reuse_max != 1L)
    stop("nn_matchC_vec_R: only ratio = 1 without replacement is supported")
  A <- if (trunc_abs) function(x) trunc(abs(x)) else abs
  n <- length(treat_)
  lab_ <- names(treat_)
  d_ord <- sort.list(distance_, decreasing = FALSE)     # 1-based, stable
  treat <- treat_[d_ord]
  distance <- distance_[d_ord]
  discarded <- discarded_[d_ord]
  exact <- if (is.null(exact_)) NULL else as.integer(exact_)[d_ord]
  use_cal <- !is.null(caliper_dist_)
  cal <- if (use_cal) as.numeric(caliper_dist_)[1] else NA_real_
  pos_of <- integer(n); pos_of[d_ord] <- seq_len(n)     # data index -> sorted position
  tr_idx <- which(treat_ == 1L)                          # rows of mm, data order
  mm <- matrix(NA_integer_, nrow = length(tr_idx), ncol = 1L,
               dimnames = list(lab_[tr_idx], NULL))
  can <- !discarded & treat != 1L                        # in sorted positions

  find <- function(ii, step) {
    k <- ii + step
    while (k >= 1L && k <= n) {
      if (treat[k] == 1L || !can[k]) { k <- k + step; next }
      if (use_cal && A(distance[ii] - distance[k]) > cal) return(NA_integer_)
      if (!is.null(exact) && exact[ii] != exact[k]) { k <- k + step; next }
      return(k)
    }
    NA_integer_
  }

  for (i in seq_along(ord_)) {
    row <- ord_[i]
    ii <- pos_of[tr_idx[row]]
    if (discarded[ii]) next
    kl <- find(ii, -1L)
    kr <- find(ii, 1L)
    k <- if (!is.na(kl) && !is.na(kr)) {
      dl <- A(distance[kl] - distance[ii]); dr <- A(distance[kr] - distance[ii])
      if (!trunc_abs && abs(dl - dr) <= 1e-9 * max(1, dl, dr))
        nn_near_ties$log[[length(nn_near_ties$log) + 1L]] <- list(
          treated = lab_[d_ord[ii]], left_control = lab_[d_ord[kl]], right_control = lab_[d_ord[kr]],
          dist_left = dl, dist_right = dr, chosen = if (dl <= dr) "left" else "right")
      if (dl <= dr) kl else kr
    } else if (!is.na(kl)) kl else kr
    if (is.na(k)) next
    mm[row, 1L] <- d_ord[k]
    can[k] <- FALSE
    if (!any(can)) break
  }
  mm
}

# Decisions where the left and right candidates are (numerically) equally far
# from the treated unit are logged here: they are decided by floating-point
# rounding and may legitimately go the other way in another implementation.
nn_near_ties <- new.env()
nn_near_ties$log <- list()

# Install the R matcher into MatchIt's namespace (trunc_abs chooses behaviour).
use_r_matcher <- function(trunc_abs = FALSE) {
  f <- function(...) nn_matchC_vec_R(..., trunc_abs = trunc_abs)
  utils::assignInNamespace("nn_matchC_vec", f, ns = "MatchIt")
}
