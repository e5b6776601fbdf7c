package org.digilit.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.digilit.organisation.Headcounts;
import org.digilit.organisation.OrganisationRow;
import org.digilit.organisation.OrganisationType;
import org.jspecify.annotations.Nullable;

/**
 * A deterministic generator of a fictional Vietnamese province's organisation tree ("Tỉnh Đồng An"), for the demo run
 * and for benchmarks, with the two levels of local government Vietnam has had since 1 July 2025: the province, then
 * its communes, wards and special zones (no districts).
 *
 * <p>The natural shape ({@link #NATURAL_SIZE}) is one province with 91 communes, wards and one special zone, 457
 * schools and 137 community digital technology teams attached to the communes, 15 provincial agencies with their
 * divisions, a commune police unit for every commune (under the provincial police) and 4 regional defence commands
 * (under the provincial military command, each for about 23 communes), and 7 provincial institutions (DD019). Its
 * expected headcounts add up to about 330,000 adult citizens and about 13,800 teachers and officials. Other sizes
 * scale communes, schools, teams, police units and regions in the same proportions (about 5 schools, 1.5 teams and
 * one police unit per commune; one region per 23 communes); below the natural size the agencies, their divisions and
 * the provincial institutions shrink too.
 *
 * <p>The same seed and size always give the same rows, parents before children. Codes: {@code P01} the province,
 * {@code P01-C001} a commune, {@code P01-C001-S01} a school, {@code P01-C001-G1} a team, {@code P01-AG01} an agency,
 * {@code P01-AG01-U01} its unit, {@code P01-I01} an institution.
 */
public final class DemoProvince {

    /**
     * How many organisations the natural (default) shape has: the province, 15 agencies with 45 divisions, 91 commune
     * police units and 4 regional defence commands, 7 provincial institutions, 91 communes, 457 schools and 137 teams.
     */
    public static final int NATURAL_SIZE = 848;

    /** The import file's header, in column order. */
    public static final List<String> CSV_HEADER = List.of(
            "code",
            "parent_code",
            "type",
            "name_vi",
            "name_en",
            "expected_citizens",
            "expected_teachers",
            "expected_officials");

    static final String PROVINCE_CODE = "P01";
    private static final String PROVINCE_VI = "Đồng An";
    private static final String PROVINCE_EN = "Dong An";

    private static final int NATURAL_COMMUNES = 91;
    private static final int NATURAL_SCHOOLS = 457;
    private static final int NATURAL_GROUPS = 137;
    private static final int NATURAL_REGIONS = 4;
    private static final double COMMUNES_PER_REGION = (double) NATURAL_COMMUNES / NATURAL_REGIONS;
    private static final double SCHOOLS_PER_COMMUNE = (double) NATURAL_SCHOOLS / NATURAL_COMMUNES;
    private static final double GROUPS_PER_COMMUNE = (double) NATURAL_GROUPS / NATURAL_COMMUNES;
    /** The share of communes that are wards: the provincial capital and the towns, listed first. */
    private static final double WARDS = 0.18;
    /** A province of this many communes or more has one special zone (an island), listed last. */
    private static final int COMMUNES_WITH_A_SPECIAL_ZONE = 20;

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{InCombiningDiacriticalMarks}+");

    private DemoProvince() {}

    /**
     * The province's organisations, parents before children.
     *
     * @param seed the random seed; the same seed and size give the same rows
     * @param organisations how many organisations to generate (within ±2 %); 0 or less for the natural shape
     */
    public static List<OrganisationRow> generate(long seed, int organisations) {
        return new Generator(new SplittableRandom(seed), Plan.of(organisations)).generate();
    }

    /** Writes rows in the organisation import format (see {@link #CSV_HEADER}); flushes but does not close. */
    public static void writeCsv(List<OrganisationRow> rows, Writer out) {
        var format = CSVFormat.DEFAULT
                .builder()
                .setHeader(CSV_HEADER.toArray(String[]::new))
                .get();
        try {
            var printer = new CSVPrinter(out, format);
            for (var row : rows) {
                var parent = row.parentCode();
                var headcounts = row.headcounts();
                printer.printRecord(
                        row.code(),
                        parent == null ? "" : parent,
                        row.type().name(),
                        row.nameVi(),
                        row.nameEn(),
                        headcounts.citizens(),
                        headcounts.teachers(),
                        headcounts.officials());
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Vietnamese text without its diacritics ("Đồng Hà" becomes "Dong Ha"), for English names. */
    public static String fold(String vietnamese) {
        var decomposed = Normalizer.normalize(vietnamese.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        return COMBINING_MARKS.matcher(decomposed).replaceAll("");
    }

    /** How many organisations of each kind to generate for a requested size. */
    private record Plan(
            int agencies, double share, int institutions, int regions, int communes, int groups, int schools) {

        static Plan of(int organisations) {
            int requested = organisations <= 0 ? NATURAL_SIZE : organisations;
            double share = Math.min(1.0, (double) requested / NATURAL_SIZE);
            int agencies = Math.clamp(Math.round(AGENCIES.size() * share), 1, AGENCIES.size());
            int institutions = (int) Math.round(INSTITUTIONS.size() * share);
            int fixed = 1 + agencies + institutions;
            int perCommune = 1; // the commune itself
            int perRegion = 0;
            for (var agency : AGENCIES.subList(0, agencies)) {
                fixed += unitsOf(agency, share);
                if (agency.perCommune() != null) {
                    perCommune++;
                }
                if (agency.perRegion() != null) {
                    perRegion++;
                }
            }
            double each = perCommune + SCHOOLS_PER_COMMUNE + GROUPS_PER_COMMUNE + perRegion / COMMUNES_PER_REGION;
            int communes = Math.max(1, (int) Math.round((requested - fixed) / each));
            int regions = Math.max(1, (int) Math.round(communes / COMMUNES_PER_REGION));
            int groups = Math.clamp(Math.round(communes * GROUPS_PER_COMMUNE), communes, 2 * communes);
            int schools = requested - fixed - communes * perCommune - regions * perRegion - groups;
            if (schools < 0) {
                groups = Math.max(communes, groups + schools);
                schools = Math.max(0, requested - fixed - communes * perCommune - regions * perRegion - groups);
            }
            return new Plan(agencies, share, institutions, regions, communes, groups, schools);
        }

        int unitsOf(Agency agency) {
            return unitsOf(agency, share);
        }

        private static int unitsOf(Agency agency, double share) {
            int all = agency.units().size();
            return share >= 1.0 ? all : Math.clamp(Math.round(all * share), 1, all);
        }
    }

    /** The kinds of the lower level since 1 July 2025 (townships and districts are gone). */
    private enum CommuneKind {
        COMMUNE("Xã", "xã", "Commune", "thôn", "Hamlet", 2_300, 3_700, 25, 35),
        WARD("Phường", "phường", "Ward", "tổ dân phố", "Residential Group", 4_000, 9_000, 30, 40),
        SPECIAL_ZONE("Đặc khu", "đặc khu", "Special Zone", "thôn", "Hamlet", 1_500, 3_000, 25, 35);

        final String vi;
        final String viLower;
        final String en;
        final String hamletVi;
        final String hamletEn;
        final int minCitizens;
        final int maxCitizens;
        final int minOfficials;
        final int maxOfficials;

        CommuneKind(
                String vi,
                String viLower,
                String en,
                String hamletVi,
                String hamletEn,
                int minCitizens,
                int maxCitizens,
                int minOfficials,
                int maxOfficials) {
            this.vi = vi;
            this.viLower = viLower;
            this.en = en;
            this.hamletVi = hamletVi;
            this.hamletEn = hamletEn;
            this.minCitizens = minCitizens;
            this.maxCitizens = maxCitizens;
            this.minOfficials = minOfficials;
            this.maxOfficials = maxOfficials;
        }
    }

    private enum SchoolLevel {
        KINDERGARTEN("Trường Mầm non", "Kindergarten", 7, 14, 1, 2, 0.4),
        PRIMARY("Trường Tiểu học", "Primary School", 9, 18, 1, 3, 0.35),
        LOWER_SECONDARY("Trường THCS", "Lower Secondary School", 9, 18, 1, 3, 0.35),
        UPPER_SECONDARY("Trường THPT", "Upper Secondary School", 25, 50, 3, 6, 0.2);

        final String vi;
        final String en;
        final int minTeachers;
        final int maxTeachers;
        final int minOfficials;
        final int maxOfficials;
        /** How often the school takes its commune's name rather than a person's (or, for kindergartens, a flower's). */
        final double communeNamed;

        SchoolLevel(
                String vi,
                String en,
                int minTeachers,
                int maxTeachers,
                int minOfficials,
                int maxOfficials,
                double communeNamed) {
            this.vi = vi;
            this.en = en;
            this.minTeachers = minTeachers;
            this.maxTeachers = maxTeachers;
            this.minOfficials = minOfficials;
            this.maxOfficials = maxOfficials;
            this.communeNamed = communeNamed;
        }
    }

    private record Commune(String code, CommuneKind kind, String place, int region) {

        String nameVi() {
            return kind.vi + " " + place;
        }

        String nameEn() {
            return fold(place) + " " + kind.en;
        }
    }

    private static final class Generator {

        private final RandomGenerator random;
        private final Plan plan;
        private final List<OrganisationRow> rows = new ArrayList<>();
        private final Set<String> placesInProvince = new HashSet<>();

        Generator(RandomGenerator random, Plan plan) {
            this.random = random;
            this.plan = plan;
        }

        List<OrganisationRow> generate() {
            var communes = communes();
            add(
                    PROVINCE_CODE,
                    null,
                    OrganisationType.PROVINCE,
                    "Tỉnh " + PROVINCE_VI,
                    PROVINCE_EN + " Province",
                    officials(70, 120));
            agencies(communes);
            institutions();
            var schools = spread(plan.schools(), plan.communes(), 3, false);
            var groups = spread(plan.groups(), plan.communes(), 1, true);
            for (int c = 0; c < communes.size(); c++) {
                commune(communes.get(c), schools[c], groups[c]);
            }
            return List.copyOf(rows);
        }

        /**
         * The communes: the wards of the provincial capital (the first named after the province) and the towns first,
         * the rural communes next, the island special zone last; split into regions of neighbouring communes.
         */
        private List<Commune> communes() {
            var communes = new ArrayList<Commune>();
            var siblings = new HashSet<String>();
            int count = plan.communes();
            int wards = (int) Math.ceil(count * WARDS);
            boolean specialZone = count >= COMMUNES_WITH_A_SPECIAL_ZONE;
            for (int i = 0; i < count; i++) {
                CommuneKind kind;
                if (i < wards) {
                    kind = CommuneKind.WARD;
                } else {
                    kind = specialZone && i == count - 1 ? CommuneKind.SPECIAL_ZONE : CommuneKind.COMMUNE;
                }
                String place;
                if (i == 0) {
                    place = PROVINCE_VI;
                    siblings.add(fold(place));
                    placesInProvince.add(fold(place));
                } else {
                    place = place(siblings);
                }
                int region = (int) ((long) i * plan.regions() / count);
                communes.add(new Commune(PROVINCE_CODE + "-C%03d".formatted(i + 1), kind, place, region));
            }
            return communes;
        }

        private void agencies(List<Commune> communes) {
            for (int a = 0; a < plan.agencies(); a++) {
                var agency = AGENCIES.get(a);
                var code = PROVINCE_CODE + "-AG%02d".formatted(a + 1);
                add(
                        code,
                        PROVINCE_CODE,
                        OrganisationType.AGENCY,
                        agency.vi(),
                        agency.en(),
                        officials(agency.minOfficials(), agency.maxOfficials()));
                int number = 0;
                for (var unit : agency.units().subList(0, plan.unitsOf(agency))) {
                    add(
                            code + "-U%02d".formatted(++number),
                            code,
                            OrganisationType.UNIT,
                            unit.vi(),
                            unit.en(),
                            officials(unit.minOfficials(), unit.maxOfficials()));
                }
                var perRegion = agency.perRegion();
                if (perRegion != null) {
                    int region = -1;
                    for (var commune : communes) {
                        if (commune.region() == region) {
                            continue;
                        }
                        region = commune.region();
                        add(
                                code + "-U%02d".formatted(++number),
                                code,
                                OrganisationType.UNIT,
                                perRegion.vi() + " " + (region + 1) + " – " + commune.place(),
                                perRegion.en() + " " + (region + 1) + " - " + fold(commune.place()),
                                officials(perRegion.minOfficials(), perRegion.maxOfficials()));
                    }
                }
                var perCommune = agency.perCommune();
                if (perCommune != null) {
                    for (var commune : communes) {
                        add(
                                code + "-U%02d".formatted(++number),
                                code,
                                OrganisationType.UNIT,
                                perCommune.vi() + " " + commune.kind().viLower + " " + commune.place(),
                                commune.nameEn() + " " + perCommune.en(),
                                officials(perCommune.minOfficials(), perCommune.maxOfficials()));
                    }
                }
            }
        }

        private void institutions() {
            for (int i = 0; i < plan.institutions(); i++) {
                var institution = INSTITUTIONS.get(i);
                add(
                        PROVINCE_CODE + "-I%02d".formatted(i + 1),
                        PROVINCE_CODE,
                        OrganisationType.INSTITUTION,
                        institution.vi(),
                        institution.en(),
                        new Headcounts(
                                0,
                                between(institution.minTeachers(), institution.maxTeachers()),
                                between(institution.minOfficials(), institution.maxOfficials())));
            }
        }

        private void commune(Commune commune, int schools, int groups) {
            var kind = commune.kind();
            add(
                    commune.code(),
                    PROVINCE_CODE,
                    OrganisationType.COMMUNE,
                    commune.nameVi(),
                    commune.nameEn(),
                    new Headcounts(
                            between(kind.minCitizens, kind.maxCitizens),
                            0,
                            between(kind.minOfficials, kind.maxOfficials)));
            var schoolNames = new HashSet<String>();
            for (int s = 0; s < schools; s++) {
                school(commune.code(), s, commune.place(), schoolNames);
            }
            groups(commune.code(), kind, groups);
        }

        private void school(String communeCode, int position, String communePlace, Set<String> taken) {
            var level = level(position);
            String nameVi = "";
            String proper = "";
            for (int attempt = 0; attempt < 20; attempt++) {
                proper = random.nextDouble() < level.communeNamed ? communePlace : schoolPatron(level);
                nameVi = level.vi + " " + proper;
                if (!taken.contains(fold(nameVi))) {
                    break;
                }
            }
            var nameEn = fold(proper) + " " + level.en;
            if (taken.contains(fold(nameVi))) {
                proper = communePlace;
                int number = 2;
                while (taken.contains(fold(level.vi + " " + proper + " số " + number))) {
                    number++;
                }
                nameVi = level.vi + " " + proper + " số " + number;
                nameEn = fold(proper) + " " + level.en + " No. " + number;
            }
            taken.add(fold(nameVi));
            add(
                    communeCode + "-S%02d".formatted(position + 1),
                    communeCode,
                    OrganisationType.SCHOOL,
                    nameVi,
                    nameEn,
                    new Headcounts(
                            0,
                            between(level.minTeachers, level.maxTeachers),
                            between(level.minOfficials, level.maxOfficials)));
        }

        /** Every commune first gets a kindergarten, a primary and a lower secondary school; then a mix. */
        private SchoolLevel level(int position) {
            if (position < 3) {
                return SchoolLevel.values()[position];
            }
            double draw = random.nextDouble();
            if (draw < 0.35) {
                return SchoolLevel.PRIMARY;
            }
            if (draw < 0.68) {
                return SchoolLevel.KINDERGARTEN;
            }
            return draw < 0.82 ? SchoolLevel.LOWER_SECONDARY : SchoolLevel.UPPER_SECONDARY;
        }

        private String schoolPatron(SchoolLevel level) {
            return level == SchoolLevel.KINDERGARTEN ? pick(KINDERGARTEN_NAMES) : pick(PATRONS);
        }

        private void groups(String communeCode, CommuneKind kind, int count) {
            int hamlets = Math.max(count, 4 + random.nextInt(9));
            var numbers = new HashSet<Integer>();
            for (int g = 0; g < count; g++) {
                int hamlet = 1 + random.nextInt(hamlets);
                while (!numbers.add(hamlet)) {
                    hamlet = 1 + random.nextInt(hamlets);
                }
                add(
                        communeCode + "-G" + (g + 1),
                        communeCode,
                        OrganisationType.COMMUNITY_GROUP,
                        "Tổ công nghệ số cộng đồng " + kind.hamletVi + " " + hamlet,
                        "Community Digital Technology Team, " + kind.hamletEn + " " + hamlet,
                        Headcounts.NONE);
            }
        }

        /**
         * A two-word place name, unique among its siblings and, while the word lists last, in the whole province. The
         * sets hold names without diacritics, so that "Thanh Hà" and "Thạnh Hà" do not both become "Thanh Ha".
         */
        private String place(Set<String> siblings) {
            for (int attempt = 0; attempt < 200; attempt++) {
                var first = pick(PLACE_FIRST);
                var second = pick(PLACE_SECOND);
                var name = first + " " + second;
                var key = fold(name);
                boolean unique = attempt >= 40 || !placesInProvince.contains(key);
                if (!first.equals(second) && unique && siblings.add(key)) {
                    placesInProvince.add(key);
                    return name;
                }
            }
            var base = pick(PLACE_FIRST) + " " + pick(PLACE_SECOND);
            int number = 2;
            while (!siblings.add(fold(base + " " + number))) {
                number++;
            }
            return base + " " + number;
        }

        /**
         * Spreads {@code total} items over {@code buckets}: each gets up to {@code minimum} first, then the rest go
         * to random buckets, {@code evenly} (in rounds that give a bucket at most one each) or not.
         */
        private int[] spread(int total, int buckets, int minimum, boolean evenly) {
            var counts = new int[buckets];
            int base = Math.min(minimum, total / buckets);
            Arrays.fill(counts, base);
            int left = total - base * buckets;
            while (left > 0) {
                int round = evenly ? Math.min(left, buckets) : 1;
                var chosen = new HashSet<Integer>();
                while (chosen.size() < round) {
                    chosen.add(random.nextInt(buckets));
                }
                for (int i : chosen) {
                    counts[i]++;
                }
                left -= round;
            }
            return counts;
        }

        private Headcounts officials(int min, int max) {
            return new Headcounts(0, 0, between(min, max));
        }

        private int between(int min, int max) {
            return random.nextInt(min, max + 1);
        }

        private String pick(List<String> words) {
            return words.get(random.nextInt(words.size()));
        }

        private void add(
                String code,
                @Nullable String parent,
                OrganisationType type,
                String nameVi,
                String nameEn,
                Headcounts headcounts) {
            rows.add(new OrganisationRow(code, parent, type, nameVi, nameEn, headcounts));
        }
    }

    private record Unit(String vi, String en, int minOfficials, int maxOfficials) {}

    /**
     * A unit the agency keeps in every commune ("Công an" + " xã Tân Phú", "Tan Phu Commune" + " Police") or in every
     * region ("Ban Chỉ huy Phòng thủ khu vực" + " 1 – Đồng An", "Regional Defence Command" + " 1 - Dong An").
     */
    private record LocalUnit(String vi, String en, int minOfficials, int maxOfficials) {}

    private record Agency(
            String vi,
            String en,
            int minOfficials,
            int maxOfficials,
            List<Unit> units,
            @Nullable LocalUnit perCommune,
            @Nullable LocalUnit perRegion) {

        Agency(String vi, String en, int minOfficials, int maxOfficials, Unit... units) {
            this(vi, en, minOfficials, maxOfficials, List.of(units), null, null);
        }
    }

    private record Institution(
            String vi, String en, int minTeachers, int maxTeachers, int minOfficials, int maxOfficials) {}

    private static Unit division(String vi, String en) {
        return new Unit(vi, en, 6, 14);
    }

    /**
     * Provincial agencies as they stand after the 2025 mergers of departments (information and communications into
     * science and technology; labour into home affairs; planning and investment into finance; agriculture with natural
     * resources and environment), in the order small sizes keep them: education, science and technology (digital
     * transformation), police and military come first.
     */
    private static final List<Agency> AGENCIES = List.of(
            new Agency(
                    "Sở Giáo dục và Đào tạo",
                    "Department of Education and Training",
                    30,
                    50,
                    division("Phòng Giáo dục Mầm non và Tiểu học", "Preschool and Primary Education Division"),
                    division("Phòng Giáo dục Trung học", "Secondary Education Division"),
                    division("Phòng Khảo thí và Quản lý chất lượng", "Examinations and Quality Management Division"),
                    division("Phòng Tổ chức cán bộ", "Personnel Division")),
            new Agency(
                    "Sở Khoa học và Công nghệ",
                    "Department of Science and Technology",
                    30,
                    45,
                    division("Phòng Chuyển đổi số", "Digital Transformation Division"),
                    division("Phòng Bưu chính – Viễn thông", "Posts and Telecommunications Division"),
                    division("Phòng Quản lý khoa học", "Science Management Division"),
                    new Unit("Trung tâm Chuyển đổi số tỉnh", "Provincial Digital Transformation Centre", 15, 30)),
            new Agency(
                    "Công an tỉnh",
                    "Provincial Police",
                    60,
                    110,
                    List.of(
                            new Unit(
                                    "Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao",
                                    "Cyber Security and High-Tech Crime Prevention Division",
                                    20,
                                    40),
                            new Unit("Phòng Cảnh sát giao thông", "Traffic Police Division", 25, 45),
                            new Unit("Phòng Cảnh sát hình sự", "Criminal Police Division", 20, 40),
                            new Unit(
                                    "Phòng Cảnh sát quản lý hành chính về trật tự xã hội",
                                    "Administrative Police Division for Social Order",
                                    20,
                                    35)),
                    new LocalUnit("Công an", "Police", 12, 20),
                    null),
            new Agency(
                    "Bộ Chỉ huy Quân sự tỉnh",
                    "Provincial Military Command",
                    45,
                    80,
                    List.of(
                            new Unit("Phòng Tham mưu", "Staff Division", 15, 30),
                            new Unit("Phòng Chính trị", "Political Division", 12, 25),
                            new Unit("Phòng Hậu cần – Kỹ thuật", "Logistics and Engineering Division", 12, 25)),
                    null,
                    new LocalUnit("Ban Chỉ huy Phòng thủ khu vực", "Regional Defence Command", 25, 45)),
            new Agency(
                    "Sở Y tế",
                    "Department of Health",
                    30,
                    50,
                    division("Phòng Nghiệp vụ Y", "Medical Affairs Division"),
                    division("Phòng Nghiệp vụ Dược", "Pharmaceutical Affairs Division"),
                    division("Phòng Bảo trợ xã hội", "Social Protection Division"),
                    new Unit("Trung tâm Kiểm soát bệnh tật tỉnh", "Provincial Centre for Disease Control", 30, 60)),
            new Agency(
                    "Sở Nội vụ",
                    "Department of Home Affairs",
                    30,
                    45,
                    division(
                            "Phòng Xây dựng chính quyền và Công tác thanh niên", "Local Government and Youth Division"),
                    division("Phòng Tổ chức, biên chế", "Organisation and Staffing Division"),
                    division("Phòng Lao động – Việc làm", "Labour and Employment Division"),
                    division("Ban Thi đua – Khen thưởng", "Emulation and Commendation Board")),
            new Agency(
                    "Sở Nông nghiệp và Môi trường",
                    "Department of Agriculture and Environment",
                    35,
                    55,
                    division("Chi cục Kiểm lâm", "Forest Protection Sub-department"),
                    division("Chi cục Thủy lợi", "Irrigation Sub-department"),
                    division(
                            "Chi cục Trồng trọt và Bảo vệ thực vật",
                            "Crop Production and Plant Protection Sub-department"),
                    division("Văn phòng Đăng ký đất đai", "Land Registration Office"),
                    division("Chi cục Bảo vệ môi trường", "Environmental Protection Sub-department")),
            new Agency(
                    "Sở Tài chính",
                    "Department of Finance",
                    30,
                    50,
                    division("Phòng Quản lý ngân sách", "Budget Management Division"),
                    division("Phòng Tài chính hành chính sự nghiệp", "Public Sector Finance Division"),
                    division("Phòng Đăng ký kinh doanh", "Business Registration Division"),
                    division("Phòng Tổng hợp, quy hoạch", "General Planning Division")),
            new Agency(
                    "Văn phòng Ủy ban nhân dân tỉnh",
                    "Office of the Provincial People's Committee",
                    30,
                    45,
                    division("Phòng Tổng hợp", "General Affairs Division"),
                    new Unit(
                            "Trung tâm Phục vụ hành chính công tỉnh",
                            "Provincial Public Administration Service Centre",
                            20,
                            40)),
            new Agency(
                    "Sở Xây dựng",
                    "Department of Construction",
                    30,
                    45,
                    division("Phòng Quản lý xây dựng", "Construction Management Division"),
                    division("Phòng Quản lý giao thông", "Transport Management Division")),
            new Agency(
                    "Sở Văn hóa, Thể thao và Du lịch",
                    "Department of Culture, Sports and Tourism",
                    30,
                    45,
                    division("Phòng Quản lý văn hóa và Gia đình", "Culture and Family Affairs Division"),
                    division("Thư viện tỉnh", "Provincial Library")),
            new Agency(
                    "Sở Tư pháp",
                    "Department of Justice",
                    30,
                    40,
                    division("Phòng Phổ biến, giáo dục pháp luật", "Legal Dissemination and Education Division"),
                    division("Trung tâm Trợ giúp pháp lý nhà nước", "State Legal Aid Centre")),
            new Agency(
                    "Sở Công Thương",
                    "Department of Industry and Trade",
                    30,
                    45,
                    division("Phòng Quản lý thương mại", "Trade Management Division"),
                    division("Phòng Quản lý năng lượng", "Energy Management Division")),
            new Agency(
                    "Sở Dân tộc và Tôn giáo",
                    "Department of Ethnic and Religious Affairs",
                    30,
                    40,
                    division("Phòng Chính sách dân tộc", "Ethnic Policy Division"),
                    division("Phòng Quản lý tôn giáo", "Religious Affairs Division")),
            new Agency(
                    "Thanh tra tỉnh",
                    "Provincial Inspectorate",
                    30,
                    40,
                    division("Phòng Tiếp công dân và Xử lý đơn thư", "Citizen Reception and Complaints Division")));

    /** Provincial institutions, in the order small sizes keep them. */
    private static final List<Institution> INSTITUTIONS = List.of(
            new Institution("Trường Cao đẳng Sư phạm Đồng An", "Dong An College of Education", 50, 80, 15, 25),
            new Institution(
                    "Trung tâm Giáo dục thường xuyên tỉnh Đồng An",
                    "Dong An Provincial Continuing Education Centre",
                    15,
                    25,
                    5,
                    10),
            new Institution("Bệnh viện Đa khoa tỉnh Đồng An", "Dong An Provincial General Hospital", 0, 0, 100, 150),
            new Institution("Trường Cao đẳng Y tế Đồng An", "Dong An Medical College", 30, 55, 10, 18),
            new Institution(
                    "Trường Cao đẳng Kỹ thuật – Công nghệ Đồng An",
                    "Dong An College of Engineering and Technology",
                    40,
                    70,
                    12,
                    20),
            new Institution("Trường Chính trị tỉnh Đồng An", "Dong An Provincial School of Politics", 20, 30, 8, 12),
            new Institution(
                    "Bệnh viện Y dược cổ truyền tỉnh Đồng An",
                    "Dong An Provincial Hospital of Traditional Medicine",
                    0,
                    0,
                    40,
                    70));

    /** First words of place names. */
    private static final List<String> PLACE_FIRST = List.of(
            "Tân", "Hòa", "Phước", "Bình", "An", "Long", "Thạnh", "Vĩnh", "Phú", "Đông", "Tây", "Quảng", "Hưng",
            "Thuận", "Mỹ", "Thái", "Hiệp", "Trung", "Xuân", "Hương", "Cẩm", "Gia", "Đức", "Nghĩa", "Thanh", "Hải",
            "Kim", "Ngọc", "Hồng", "Minh", "Quang", "Sơn", "Thiện", "Lộc", "Cát", "Yên", "Đại", "Tiên", "Phong", "Lạc",
            "Tam", "Định", "Khánh", "Hội");

    /** Second words of place names. */
    private static final List<String> PLACE_SECOND = List.of(
            "Phú", "Bình", "Long", "Hà", "Mỹ", "Điền", "Minh", "Lạc", "Hòa", "Thành", "An", "Lợi", "Hưng", "Thịnh",
            "Lộc", "Tiến", "Phong", "Sơn", "Thủy", "Lâm", "Hải", "Đức", "Khánh", "Nghĩa", "Định", "Thuận", "Phát",
            "Quang", "Trạch", "Xuân", "Hiệp", "Tân", "Yên", "Trung", "Cường", "Thọ", "Phước", "Vinh", "Lập", "Hội",
            "Thắng", "Hậu", "Đông", "Tây");

    /** People and heroes schools are named after. */
    private static final List<String> PATRONS = List.of(
            "Nguyễn Du",
            "Lê Lợi",
            "Trần Phú",
            "Chu Văn An",
            "Võ Thị Sáu",
            "Nguyễn Trãi",
            "Lê Quý Đôn",
            "Trần Hưng Đạo",
            "Nguyễn Bỉnh Khiêm",
            "Lý Thường Kiệt",
            "Quang Trung",
            "Phan Bội Châu",
            "Phan Chu Trinh",
            "Hai Bà Trưng",
            "Ngô Quyền",
            "Kim Đồng",
            "Lê Văn Tám",
            "Nguyễn Văn Trỗi",
            "Nguyễn Thị Minh Khai",
            "Lê Hồng Phong",
            "Trần Quốc Toản",
            "Nguyễn Đình Chiểu",
            "Hoàng Hoa Thám",
            "Đinh Tiên Hoàng",
            "Lý Tự Trọng",
            "Nguyễn Khuyến",
            "Huỳnh Thúc Kháng",
            "Lương Thế Vinh",
            "Nguyễn Hiền",
            "Mạc Đĩnh Chi",
            "Phạm Ngũ Lão",
            "Bế Văn Đàn",
            "Phan Đình Phùng",
            "Bà Triệu",
            "Lê Thánh Tông",
            "Hùng Vương",
            "Trưng Vương",
            "Tô Hiến Thành");

    /** Flowers and birds kindergartens are named after. */
    private static final List<String> KINDERGARTEN_NAMES = List.of(
            "Hoa Sen",
            "Hoa Mai",
            "Hoa Hồng",
            "Hoa Phượng",
            "Hoa Sữa",
            "Sơn Ca",
            "Họa Mi",
            "Vành Khuyên",
            "Hướng Dương",
            "Bình Minh",
            "Sao Mai",
            "Tuổi Thơ",
            "Măng Non",
            "Hoa Ban");
}
