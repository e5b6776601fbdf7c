package org.digilit.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.digilit.organisation.Headcounts;
import org.digilit.organisation.OrganisationRow;
import org.digilit.organisation.OrganisationType;
import org.jspecify.annotations.Nullable;

/**
 * A deterministic generator of a fictional Indian state's organisation tree ("Chandra Pradesh"), for the Indian demo
 * ({@code digilit.demo.region=IN}, DD019): the tree is not Vietnam-only.
 *
 * <p>School education follows the Samagra Shiksha / UDISE+ line: state → district (with its DIET) → block (its block
 * resource centre) → cluster (its cluster resource centre) → school. Citizens belong to gram panchayats, the village
 * councils under each block (type COMMUNE, the level people register at), each with a digital literacy group. State
 * departments and their units, and the SCERT, sit under the state. The {@code name_vi} column holds the Hindi name in
 * Latin transliteration (the organisation names are Indian whatever the interface language), {@code name_en} the
 * English one.
 *
 * <p>The natural shape ({@link #NATURAL_SIZE}): 4 districts × (district, DIET, 4 blocks × (block, 5 clusters × (cluster,
 * 6 schools), 8 gram panchayats with a group each)), 5 departments with 9 units and the SCERT. Other sizes take as many
 * districts of that shape as fit (at least one). The same seed and size give the same rows, parents first.
 */
public final class DemoIndianState {

    /** How many organisations the natural shape has. */
    public static final int NATURAL_SIZE = 856;

    static final String STATE_CODE = "CP";

    private static final int BLOCKS_PER_DISTRICT = 4;
    private static final int CLUSTERS_PER_BLOCK = 5;
    private static final int SCHOOLS_PER_CLUSTER = 6;
    private static final int PANCHAYATS_PER_BLOCK = 8;
    private static final int PER_DISTRICT =
            2 + BLOCKS_PER_DISTRICT * (1 + CLUSTERS_PER_BLOCK * (1 + SCHOOLS_PER_CLUSTER) + 2 * PANCHAYATS_PER_BLOCK);

    private DemoIndianState() {}

    /**
     * The state's organisations, parents before children.
     *
     * @param organisations how many organisations to aim for (whole districts); 0 or less for the natural shape
     */
    public static List<OrganisationRow> generate(long seed, int organisations) {
        int requested = organisations <= 0 ? NATURAL_SIZE : organisations;
        int fixed = 1
                + DEPARTMENTS.size()
                + DEPARTMENTS.stream().mapToInt(d -> d.units().size()).sum()
                + 1;
        int districts = Math.max(1, (int) Math.round((double) (requested - fixed) / PER_DISTRICT));
        return new Generator(new SplittableRandom(seed)).generate(districts);
    }

    private enum SchoolLevel {
        PRIMARY("Rajkiya Prathmik Vidyalaya", "Government Primary School", 2, 6, 1, 1),
        UPPER_PRIMARY("Rajkiya Uchch Prathmik Vidyalaya", "Government Upper Primary School", 4, 8, 1, 2),
        SECONDARY("Rajkiya Madhyamik Vidyalaya", "Government Secondary School", 8, 15, 1, 3),
        SENIOR_SECONDARY("Rajkiya Uchchtar Madhyamik Vidyalaya", "Government Senior Secondary School", 15, 30, 2, 4);

        final String hi;
        final String en;
        final int minTeachers;
        final int maxTeachers;
        final int minOfficials;
        final int maxOfficials;

        SchoolLevel(String hi, String en, int minTeachers, int maxTeachers, int minOfficials, int maxOfficials) {
            this.hi = hi;
            this.en = en;
            this.minTeachers = minTeachers;
            this.maxTeachers = maxTeachers;
            this.minOfficials = minOfficials;
            this.maxOfficials = maxOfficials;
        }
    }

    private static final class Generator {

        private final SplittableRandom random;
        private final List<OrganisationRow> rows = new ArrayList<>();
        private final Set<String> places = new HashSet<>();

        Generator(SplittableRandom random) {
            this.random = random;
        }

        List<OrganisationRow> generate(int districts) {
            add(
                    STATE_CODE,
                    null,
                    OrganisationType.PROVINCE,
                    "Chandra Pradesh Rajya",
                    "State of Chandra Pradesh",
                    new Headcounts(0, 0, between(60, 100)));
            for (int d = 0; d < DEPARTMENTS.size(); d++) {
                var department = DEPARTMENTS.get(d);
                var code = STATE_CODE + "-AG%02d".formatted(d + 1);
                add(
                        code,
                        STATE_CODE,
                        OrganisationType.AGENCY,
                        department.hi(),
                        department.en(),
                        new Headcounts(0, 0, between(25, 45)));
                for (int u = 0; u < department.units().size(); u++) {
                    var unit = department.units().get(u);
                    add(
                            code + "-U%02d".formatted(u + 1),
                            code,
                            OrganisationType.UNIT,
                            unit.hi(),
                            unit.en(),
                            new Headcounts(0, 0, between(8, 25)));
                }
            }
            add(
                    STATE_CODE + "-I01",
                    STATE_CODE,
                    OrganisationType.INSTITUTION,
                    "Rajya Shaikshik Anusandhan evam Prashikshan Parishad",
                    "State Council of Educational Research and Training",
                    new Headcounts(0, between(30, 50), between(10, 20)));
            for (int d = 0; d < districts; d++) {
                district(d);
            }
            return List.copyOf(rows);
        }

        private void district(int index) {
            var name = index < DISTRICT_NAMES.size() ? DISTRICT_NAMES.get(index) : place();
            places.add(name);
            var code = STATE_CODE + "-D%02d".formatted(index + 1);
            add(
                    code,
                    STATE_CODE,
                    OrganisationType.DISTRICT,
                    "Zila " + name,
                    name + " District",
                    new Headcounts(0, 0, between(40, 70)));
            add(
                    code + "-I1",
                    code,
                    OrganisationType.INSTITUTION,
                    "Zila Shiksha evam Prashikshan Sansthan, " + name,
                    "District Institute of Education and Training, " + name,
                    new Headcounts(0, between(15, 30), between(5, 10)));
            for (int b = 0; b < BLOCKS_PER_DISTRICT; b++) {
                block(code + "-B%02d".formatted(b + 1), b == 0 ? name : place());
            }
        }

        private void block(String code, String name) {
            add(
                    code,
                    code.substring(0, code.lastIndexOf('-')),
                    OrganisationType.BLOCK,
                    "Vikas Khand " + name,
                    name + " Block",
                    new Headcounts(0, 0, between(8, 15)));
            for (int c = 0; c < CLUSTERS_PER_BLOCK; c++) {
                var village = place();
                var cluster = code + "-C%02d".formatted(c + 1);
                add(
                        cluster,
                        code,
                        OrganisationType.CLUSTER,
                        "Sankul Sansadhan Kendra " + village,
                        village + " Cluster Resource Centre",
                        new Headcounts(0, 0, between(1, 3)));
                var schoolNames = new HashSet<String>();
                for (int s = 0; s < SCHOOLS_PER_CLUSTER; s++) {
                    // The cluster's hub is its senior secondary school, in the cluster's own village.
                    var level = s == 0 ? SchoolLevel.SENIOR_SECONDARY : level();
                    var place = s == 0 ? village : place();
                    while (!schoolNames.add(level.en + place)) {
                        place = place();
                    }
                    add(
                            cluster + "-S%02d".formatted(s + 1),
                            cluster,
                            OrganisationType.SCHOOL,
                            level.hi + " " + place,
                            level.en + ", " + place,
                            new Headcounts(
                                    0,
                                    between(level.minTeachers, level.maxTeachers),
                                    between(level.minOfficials, level.maxOfficials)));
                }
            }
            for (int p = 0; p < PANCHAYATS_PER_BLOCK; p++) {
                var village = place();
                var panchayat = code + "-GP%02d".formatted(p + 1);
                add(
                        panchayat,
                        code,
                        OrganisationType.COMMUNE,
                        "Gram Panchayat " + village,
                        village + " Gram Panchayat",
                        new Headcounts(between(2_000, 5_000), 0, between(3, 6)));
                add(
                        panchayat + "-G1",
                        panchayat,
                        OrganisationType.COMMUNITY_GROUP,
                        "Digital Saksharta Samooh, " + village,
                        "Digital Literacy Group, " + village,
                        Headcounts.NONE);
            }
        }

        private SchoolLevel level() {
            double draw = random.nextDouble();
            if (draw < 0.55) {
                return SchoolLevel.PRIMARY;
            }
            return draw < 0.85 ? SchoolLevel.UPPER_PRIMARY : SchoolLevel.SECONDARY;
        }

        /**
         * A village name unique in the state while the syllables last; then, as in Indian villages, "Khurd" (small)
         * and "Kalan" (big), then a number.
         */
        private String place() {
            for (int attempt = 0; attempt < 60; attempt++) {
                var name =
                        PREFIXES.get(random.nextInt(PREFIXES.size())) + SUFFIXES.get(random.nextInt(SUFFIXES.size()));
                if (places.add(name)) {
                    return name;
                }
            }
            var base = PREFIXES.get(random.nextInt(PREFIXES.size())) + SUFFIXES.get(random.nextInt(SUFFIXES.size()));
            for (var tail : List.of(" Khurd", " Kalan")) {
                if (places.add(base + tail)) {
                    return base + tail;
                }
            }
            int number = 2;
            while (!places.add(base + " " + number)) {
                number++;
            }
            return base + " " + number;
        }

        private int between(int min, int max) {
            return random.nextInt(min, max + 1);
        }

        private void add(
                String code,
                @Nullable String parent,
                OrganisationType type,
                String nameHi,
                String nameEn,
                Headcounts headcounts) {
            rows.add(new OrganisationRow(code, parent, type, nameHi, nameEn, headcounts));
        }
    }

    private record Unit(String hi, String en) {}

    private record Department(String hi, String en, List<Unit> units) {}

    private static final List<Department> DEPARTMENTS = List.of(
            new Department(
                    "Vidyalayi Shiksha Vibhag",
                    "Department of School Education",
                    List.of(
                            new Unit(
                                    "Samagra Shiksha Rajya Pariyojana Karyalaya",
                                    "Samagra Shiksha State Project Office"),
                            new Unit("Prarambhik Shiksha Nideshalaya", "Directorate of Elementary Education"),
                            new Unit("Madhyamik Shiksha Nideshalaya", "Directorate of Secondary Education"))),
            new Department(
                    "Soochna Praudyogiki Vibhag",
                    "Department of Information Technology",
                    List.of(
                            new Unit("Rajya e-Shasan Mission Dal", "State e-Governance Mission Team"),
                            new Unit("Rajya Data Kendra", "State Data Centre"))),
            new Department(
                    "Panchayati Raj Vibhag",
                    "Department of Panchayati Raj",
                    List.of(new Unit("Rajya Panchayat Sansadhan Kendra", "State Panchayat Resource Centre"))),
            new Department(
                    "Grih Vibhag",
                    "Home Department",
                    List.of(
                            new Unit("Police Mukhyalaya", "Police Headquarters"),
                            new Unit("Cyber Apradh Prakoshth", "Cyber Crime Cell"))),
            new Department(
                    "Mahila evam Bal Vikas Vibhag",
                    "Department of Women and Child Development",
                    List.of(new Unit(
                            "Ekikrit Bal Vikas Seva Nideshalaya", "Directorate of Integrated Child Development"))));

    /** The natural shape's districts; further ones take village-style names. */
    private static final List<String> DISTRICT_NAMES = List.of("Chandanpur", "Sonagarh", "Devnagar", "Kesariganj");

    private static final List<String> PREFIXES = List.of(
            "Ram", "Shiv", "Sita", "Hari", "Krishna", "Ganga", "Chandan", "Kesar", "Madhav", "Lakshmi", "Sundar",
            "Bhawani", "Anand", "Basant", "Gopal", "Kishan", "Mohan", "Narayan", "Dev", "Sona", "Bela", "Kamal", "Nand",
            "Durga", "Raghu", "Bir", "Jagat", "Prem", "Amar", "Dhan");

    private static final List<String> SUFFIXES =
            List.of("pur", "nagar", "ganj", "garh", "pura", "gaon", "khera", "abad", "wadi", "tola", "sar", "kot");
}
