package org.padlock.demo;

/**
 * England's nine government office regions from the Department for Education's three-digit local
 * authority code (the {@code LA} column of the school census, 2019 codes): 2xx inner London, 3xx the
 * metropolitan districts (301-320 outer London, 330-336 West Midlands, 340-344 Merseyside and 350-359
 * Greater Manchester in the North West, 370-384 South and West Yorkshire, 390-394 Tyne and Wear in
 * the North East), 8xx and 9xx the shire counties and unitary authorities, listed one by one.
 * Codes not listed give {@code other}.
 */
final class Regions {
    private Regions() {
    }

    /** Region label (lower case, no spaces: it becomes part of indicator names such as {@code region_london}). */
    static String of(int la) {
        if (la >= 201 && la <= 213 || la >= 301 && la <= 320) {
            return "london";
        }
        if (la >= 330 && la <= 336) {
            return "west_midlands";
        }
        if (la >= 340 && la <= 344 || la >= 350 && la <= 359) {
            return "north_west";
        }
        if (la >= 370 && la <= 373 || la >= 380 && la <= 384) {
            return "yorkshire_humber";
        }
        if (la >= 390 && la <= 394) {
            return "north_east";
        }
        return switch (la) {
            case 805, 806, 807, 808, 840, 841, 929 -> "north_east";
            case 876, 877, 888, 889, 890, 895, 896, 909 -> "north_west";
            case 810, 811, 812, 813, 815, 816 -> "yorkshire_humber";
            case 830, 831, 855, 856, 857, 891, 892, 925, 928, 940, 941 -> "east_midlands";
            case 860, 861, 884, 885, 893, 894, 937 -> "west_midlands";
            case 821, 822, 823, 873, 874, 881, 882, 883, 919, 926, 935 -> "east_of_england";
            case 825, 826, 845, 846, 850, 851, 852, 867, 868, 869, 870, 871, 872, 886, 887, 921, 931, 936, 938 -> "south_east";
            case 420, 800, 801, 802, 803, 835, 836, 837, 838, 839, 865, 866, 878, 879, 880, 908, 916, 933 -> "south_west";
            default -> "other";
        };
    }
}
