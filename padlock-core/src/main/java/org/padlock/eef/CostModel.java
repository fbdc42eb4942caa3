package org.padlock.eef;

import java.util.ArrayList;
import java.util.List;

/**
 * The ingredients cost model of seed 000 (Tables 12-16) and the EEF cost rating (000 Appendix A).
 *
 * <p>Per programme, cost per school over the horizon = participants x cost per participant per
 * year x years on the programme, averaged over schools; per pupil = that / pupils per school; per
 * pupil per year = per pupil / horizon years. Staff time is reported in days, never costed.
 * Rating on cost per pupil per year by the bundled bands ({@link RuleTables#costBands()}).
 */
public final class CostModel {
    private CostModel() {
    }

    /**
     * @param perspective {@code school} or {@code school+government}
     */
    public static CostResult compute(CostSpec spec, String perspective) {
        boolean gov = switch (perspective) {
            case "school" -> false;
            case "school+government" -> true;
            default -> throw new IllegalArgumentException("perspective must be school or school+government; found \""
                    + perspective + "\"");
        };
        validate(spec);
        int horizon = spec.horizonYears() == null ? 3 : spec.horizonYears();
        int schools = 1;
        for (CostSpec.Programme p : spec.programmes()) {
            schools = Math.max(schools, p.participantsPerSchool().size());
        }
        double[] perSchool = new double[schools];
        List<CostResult.Row> rows = new ArrayList<>();
        double total = 0, daysIn = 0, daysOut = 0;
        for (CostSpec.Programme p : spec.programmes()) {
            double c = nz(p.costPerParticipantPerYear().school()) + (gov ? nz(p.costPerParticipantPerYear().government()) : 0);
            List<Double> parts = p.participantsPerSchool();
            double avg = parts.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            for (int s = 0; s < schools; s++) {
                double ps = parts.size() == 1 ? parts.get(0) : parts.get(s);
                perSchool[s] += ps * c * p.durationYears();
            }
            double cost = avg * c * p.durationYears();
            double in = p.staffDaysPerParticipantPerYear() == null ? 0 : nz(p.staffDaysPerParticipantPerYear().inSchool());
            double out = p.staffDaysPerParticipantPerYear() == null ? 0 : nz(p.staffDaysPerParticipantPerYear().outOfSchool());
            double dIn = avg * in * p.durationYears();
            double dOut = avg * out * p.durationYears();
            rows.add(new CostResult.Row(p.name(), c, avg, cost, cost / spec.pupilsPerSchool(), in, out, dIn, dOut));
            total += cost;
            daysIn += dIn;
            daysOut += dOut;
        }
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double v : perSchool) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double perPupil = total / spec.pupilsPerSchool();
        double perYear = perPupil / horizon;
        return new CostResult(perspective, perYear, perPupil, total, min, max, rating(perYear), daysIn, daysOut, rows);
    }

    /** EEF cost rating of a cost per pupil per year (000 Appendix A; bands in {@code cost-bands.yaml}). */
    public static String rating(double perPupilPerYear) {
        return RuleTables.costBands().rating(perPupilPerYear);
    }

    private static double nz(Double d) {
        return d == null ? 0 : d;
    }

    private static void validate(CostSpec spec) {
        if (spec.pupilsPerSchool() == null || !(spec.pupilsPerSchool() > 0)) {
            throw new IllegalArgumentException("cost.pupils_per_school must be > 0; found " + spec.pupilsPerSchool());
        }
        if (spec.horizonYears() != null && spec.horizonYears() < 1) {
            throw new IllegalArgumentException("cost.horizon_years must be >= 1; found " + spec.horizonYears());
        }
        int n = -1;
        for (CostSpec.Programme p : spec.programmes()) {
            String at = "cost.programmes[" + p.name() + "]";
            var c = p.costPerParticipantPerYear();
            if (c == null) {
                throw new IllegalArgumentException(at + ".cost_per_participant_per_year is missing");
            }
            if (c.school() != null && !(c.school() >= 0)) {
                throw new IllegalArgumentException(at + ".cost_per_participant_per_year.school must be >= 0; found " + c.school());
            }
            if (c.government() != null && !(c.government() >= 0)) {
                throw new IllegalArgumentException(at + ".cost_per_participant_per_year.government must be >= 0; found "
                        + c.government());
            }
            if (!(p.durationYears() >= 0)) {
                throw new IllegalArgumentException(at + ".duration_years must be >= 0; found " + p.durationYears());
            }
            if (p.participantsPerSchool().isEmpty()) {
                throw new IllegalArgumentException(at + ".participants_per_school must have at least one number");
            }
            for (Double d : p.participantsPerSchool()) {
                if (d == null || d < 0) {
                    throw new IllegalArgumentException(at + ".participants_per_school must be >= 0; found " + d);
                }
            }
            int size = p.participantsPerSchool().size();
            if (size > 1) {
                if (n > 0 && size != n) {
                    throw new IllegalArgumentException(at + ".participants_per_school has " + size
                            + " schools; other programmes have " + n);
                }
                n = size;
            }
        }
    }
}
