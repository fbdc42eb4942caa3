package org.padlock.evaluation.placebo;

import java.util.List;

/**
 * The placebo experiment.
 *
 * @param replications  number of draws R
 * @param seed          seed of the whole run (draw r uses the r-th split of a SplittableRandom)
 * @param partnerships  partnerships per draw (the clusters)
 * @param minSize       fewest schools in a partnership
 * @param maxSize       most schools in a partnership (sizes uniform on [min, max])
 * @param minLaSchools  local authorities with fewer panel schools are not drawn
 * @param selectFsm     selection on observables: a school's weight is {@code exp(selectFsm z(fsm_ever_pct) - selectAttainment z(attainment))}
 * @param selectAttainment see {@code selectFsm}
 * @param attainment    the pre-period attainment column of the selection
 * @param caliper       caliper in SDs of the propensity score
 * @param covariates    propensity-model covariates
 * @param exact         exact-matching columns
 * @param outcomes      outcome pairs {name, post column, pre column}: the DiD is post - pre
 * @param alpha         test level (0.05)
 */
public record PlaceboSpec(int replications, long seed, int partnerships, int minSize, int maxSize, int minLaSchools,
                          double selectFsm, double selectAttainment, String attainment, double caliper, List<String> covariates, List<String> exact,
                          List<List<String>> outcomes, double alpha) {
    public PlaceboSpec {
        covariates = List.copyOf(covariates);
        exact = List.copyOf(exact);
        outcomes = outcomes.stream().map(List::copyOf).toList();
        if (replications < 1) {
            throw new IllegalArgumentException("replications must be >= 1; found " + replications);
        }
        if (partnerships < 2) {
            throw new IllegalArgumentException("partnerships must be >= 2 (clusters for CR1); found " + partnerships);
        }
        if (minSize < 1 || maxSize < minSize) {
            throw new IllegalArgumentException("partnership sizes need 1 <= min <= max; found " + minSize + ".." + maxSize);
        }
        if (!(caliper > 0)) {
            throw new IllegalArgumentException("caliper must be > 0; found " + caliper);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1); found " + alpha);
        }
        for (List<String> o : outcomes) {
            if (o.size() != 3) {
                throw new IllegalArgumentException("an outcome is {name, post column, pre column}; found " + o);
            }
        }
    }

    /**
     * The default study on the national KS2 panel: partnerships of 4-6 schools within local
     * authorities of at least 40 schools, selected towards more disadvantaged schools with lower
     * 2017 reading (weights 0.8 and 0.6, as the bundled demo's selection on 2017 maths), matched 1:1 without replacement on a
     * logit propensity score with exact FSM-ever quintile and region and a 0.2 SD caliper; DiD of
     * reading and maths from 2016 to 2018.
     */
    public static PlaceboSpec defaults(int replications, long seed, int partnerships) {
        return new PlaceboSpec(replications, seed, partnerships, 4, 6, 40, 0.8, 0.6, "read_2017", 0.2,
                List.of("read_2017", "mat_2017", "read_2016", "mat_2016", "ks2_pupils_2017", "fsm_ever_pct", "eal_pct", "sen_pct"),
                List.of("fsm_quintile", "region"),
                List.of(List.of("reading", "read_2018", "read_2016"), List.of("maths", "mat_2018", "mat_2016")), 0.05);
    }
}
