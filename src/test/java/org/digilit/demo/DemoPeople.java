package org.digilit.demo;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.digilit.base.Audience;
import org.digilit.identity.IdentityNumbers;
import org.digilit.identity.IdentityNumbers.Gender;
import org.digilit.identity.IdentityScheme;
import org.digilit.organisation.OrganisationRow;
import org.jspecify.annotations.Nullable;

/**
 * A deterministic generator of the people of a {@link DemoProvince} in the account import format, for the demo run,
 * for tests of the account import and for benchmarks: the same seed, organisations and count always give the same
 * people, generated one at a time so that millions never sit in memory together.
 *
 * <p>People are spread over the organisations in proportion to their expected headcounts, audience by audience, so
 * they land where the generated province expects them: citizens in communes; teachers in schools and the institutions
 * that teach (colleges, continuing-education centres); officials in the province, districts, communes, agencies and
 * their units, schools and institutions (community digital technology teams expect no one and get no one).
 *
 * <p>Every person has a valid Vietnamese citizen identification number (CCCD), unique within the file: a province code
 * (mostly {@value #HOME_PROVINCE}, a sixth born elsewhere), the century-and-gender digit and two-digit year that match
 * their date of birth and gender, and a serial unique per province, digit and year (each bucket's serials start at a
 * place of their own, so the last four digits vary as real ones do); a bucket that runs out of its
 * million serials moves on to the next province code, so any count up to several million stays unique. Names are
 * Vietnamese with their diacritics, family names as common as they are in Vietnam; ages are 15 to 75 for citizens,
 * 22 to 60 for teachers and officials on {@link #AS_OF}. Phones are {@code 09} and eight digits; about 30 % of staff
 * have an e-mail address; teachers and officials have a staff number.
 */
public final class DemoPeople {

    /** The import file's header, in column order. */
    public static final List<String> CSV_HEADER = List.of(
            "identity_number",
            "full_name",
            "date_of_birth",
            "gender",
            "phone",
            "email",
            "organisation_code",
            "audience",
            "staff_number");

    /** The day ages are counted on: fixed, so that the same seed gives the same file on any day. */
    public static final LocalDate AS_OF = LocalDate.of(2025, 7, 1);

    /** The province code most people's identity numbers carry (Nam Định's, standing in for the fictional province). */
    static final String HOME_PROVINCE = "036";

    private static final double BORN_ELSEWHERE = 1.0 / 6;
    private static final double STAFF_WITH_EMAIL = 0.3;
    private static final double TWO_MIDDLE_NAMES = 0.2;
    private static final int SERIALS = 1_000_000;
    /** Coprime with {@link #SERIALS}: multiplying by it spreads serials 0, 1, 2… over the whole range. */
    private static final long SERIAL_STRIDE = 482_711;

    private static final long AADHAAR_BODIES = 10_000_000_000L;
    /** Coprime with {@link #AADHAAR_BODIES} (odd, not a multiple of 5). */
    private static final long AADHAAR_STRIDE = 7_919_336_221L;

    private static final int XLSX_FLUSH_ROWS = 1_000;
    private static final int DATE_COLUMN = 2;

    private DemoPeople() {}

    /** One person of the file, every value as the file has it. */
    public record Person(
            String identityNumber,
            String fullName,
            LocalDate dateOfBirth,
            Gender gender,
            String phone,
            @Nullable String email,
            String organisationCode,
            Audience audience,
            @Nullable String staffNumber) {

        /** The cells of the CSV record, in {@link #CSV_HEADER} order. */
        public List<String> cells() {
            return List.of(
                    identityNumber,
                    fullName,
                    dateOfBirth.toString(),
                    gender == Gender.MALE ? "male" : "female",
                    phone,
                    email == null ? "" : email,
                    organisationCode,
                    audience.code(),
                    staffNumber == null ? "" : staffNumber);
        }
    }

    /**
     * The people, generated as they are taken.
     *
     * @throws IllegalArgumentException when {@code people} is negative, or positive while no organisation expects
     *     anyone
     */
    public static Iterator<Person> people(long seed, List<OrganisationRow> organisations, int people) {
        return people(DemoRegion.VN, seed, organisations, people);
    }

    /**
     * The people of a region's demo: Vietnamese ones with CCCD numbers, or Indian ones ({@link DemoRegion#IN}) with
     * Indian names, mobile numbers and valid Aadhaar numbers (12 digits, first 2 to 9, Verhoeff check digit; unique).
     */
    public static Iterator<Person> people(
            DemoRegion region, long seed, List<OrganisationRow> organisations, int people) {
        return new Generator(region, new SplittableRandom(seed), Slot.allot(organisations, people));
    }

    /**
     * Valid identity numbers of people of the region who are not among the demo people (for completions waiting for
     * an account): CCCD numbers of women born in the 1990s with serials from 990,001, or Aadhaar numbers from
     * 9999999990.
     */
    public static List<String> outsiders(DemoRegion region, int count) {
        var numbers = new ArrayList<String>();
        for (int w = 0; w < count; w++) {
            if (region == DemoRegion.IN) {
                var eleven = "9" + (9_999_990_000L + w);
                for (int check = 0; check < 10; check++) {
                    if (IdentityNumbers.check(IdentityScheme.AADHAAR, eleven + check)
                                    .problem()
                            == null) {
                        numbers.add(eleven + check);
                        break;
                    }
                }
            } else {
                numbers.add(HOME_PROVINCE + "19" + (w % 9 + 1) + (990_001 + w));
            }
        }
        return numbers;
    }

    /** Writes the people as a CSV import file (comma-separated, with {@link #CSV_HEADER}); flushes, does not close. */
    public static void writeCsv(long seed, List<OrganisationRow> organisations, int people, Writer out) {
        writeCsv(DemoRegion.VN, seed, organisations, people, out);
    }

    /** Writes a region's people as a CSV import file; flushes, does not close. */
    public static void writeCsv(
            DemoRegion region, long seed, List<OrganisationRow> organisations, int people, Writer out) {
        var format = CSVFormat.DEFAULT
                .builder()
                .setHeader(CSV_HEADER.toArray(String[]::new))
                .get();
        try {
            var printer = new CSVPrinter(out, format);
            for (var generated = people(region, seed, organisations, people); generated.hasNext(); ) {
                printer.printRecord(generated.next().cells());
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the people as an XLSX import file: text cells inline (no shared-strings table growing with the file), the
     * date of birth as a real date cell formatted {@code dd/mm/yyyy}, rows flushed every thousand. Does not close the
     * stream. The workbook records when it was written, so two files differ in their bytes; their sheets do not.
     */
    public static void writeXlsx(long seed, List<OrganisationRow> organisations, int people, OutputStream out) {
        try (var workbook = new Workbook(new KeepOpen(out), "DigiLit", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Accounts");
            for (int c = 0; c < CSV_HEADER.size(); c++) {
                sheet.inlineString(0, c, CSV_HEADER.get(c));
            }
            int row = 1;
            for (var generated = people(seed, organisations, people); generated.hasNext(); row++) {
                var person = generated.next();
                var texts = person.cells();
                for (int c = 0; c < texts.size(); c++) {
                    if (c == DATE_COLUMN) {
                        sheet.value(row, c, person.dateOfBirth());
                        sheet.style(row, c).format("dd/mm/yyyy").set();
                    } else if (!texts.get(c).isEmpty()) {
                        sheet.inlineString(row, c, texts.get(c));
                    }
                }
                if (row % XLSX_FLUSH_ROWS == 0) {
                    sheet.flush();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An organisation's share of one audience: how many people it gets of the file. */
    private record Slot(String organisationCode, Audience audience, int people) {

        /**
         * Shares {@code people} out in proportion to the expected headcounts (largest remainders get the leftovers,
         * earlier slots winning ties), in organisation order.
         */
        static List<Slot> allot(List<OrganisationRow> organisations, int people) {
            if (people < 0) {
                throw new IllegalArgumentException("A negative number of people");
            }
            var codes = new ArrayList<String>();
            var audiences = new ArrayList<Audience>();
            var weights = new ArrayList<Long>();
            long total = 0;
            for (var organisation : organisations) {
                for (var audience : Audience.values()) {
                    int expected = organisation.headcounts().of(audience);
                    if (expected > 0) {
                        codes.add(organisation.code());
                        audiences.add(audience);
                        weights.add((long) expected);
                        total += expected;
                    }
                }
            }
            if (total == 0) {
                if (people > 0) {
                    throw new IllegalArgumentException("No organisation expects anyone");
                }
                return List.of();
            }
            int[] counts = new int[weights.size()];
            long[] remainders = new long[weights.size()];
            int given = 0;
            for (int i = 0; i < counts.length; i++) {
                long share = people * weights.get(i);
                counts[i] = (int) (share / total);
                remainders[i] = share % total;
                given += counts[i];
            }
            Integer[] order = new Integer[counts.length];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, Comparator.comparingLong((Integer i) -> -remainders[i]));
            for (int i = 0; i < people - given; i++) {
                counts[order[i]]++;
            }
            var slots = new ArrayList<Slot>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    slots.add(new Slot(codes.get(i), audiences.get(i), counts[i]));
                }
            }
            return slots;
        }
    }

    /** Makes people slot by slot, drawing everything from one random sequence. */
    private static final class Generator implements Iterator<Person> {

        private final SplittableRandom random;
        private final List<Slot> slots;
        private final DemoRegion region;
        private final long serialOffset;
        /** People made so far: the Aadhaar numbers' running number. */
        private long made;
        /** Serials used, by province (index into {@link #PROVINCE_CODES}), century-and-gender digit and year. */
        private final int[][][] used = new int[PROVINCE_CODES.size()][4][100];

        private int slot;
        private int madeInSlot;
        private int teachers;
        private int officials;
        private int emails;

        Generator(DemoRegion region, SplittableRandom random, List<Slot> slots) {
            this.region = region;
            this.random = random;
            this.slots = slots;
            this.serialOffset = random.nextInt(SERIALS);
        }

        @Override
        public boolean hasNext() {
            while (slot < slots.size() && madeInSlot == slots.get(slot).people()) {
                slot++;
                madeInSlot = 0;
            }
            return slot < slots.size();
        }

        @Override
        public Person next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            madeInSlot++;
            var current = slots.get(slot);
            var audience = current.audience();
            boolean staff = audience != Audience.CITIZEN;
            var gender = random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
            var dateOfBirth = staff ? birthDate(22, 60) : birthDate(15, 75);
            if (region == DemoRegion.IN) {
                return indian(current, audience, gender, dateOfBirth);
            }
            var family = FAMILY_NAMES[familyIndex()];
            var middle = middleNames(gender);
            var given = pickDifferent(gender == Gender.MALE ? MALE_GIVEN : FEMALE_GIVEN, middle);
            var fullName = family + " " + middle + " " + given;
            String staffNumber = switch (audience) {
                case CITIZEN -> null;
                case TEACHER -> "GV" + digits(++teachers, 7);
                case OFFICIAL -> "CB" + digits(++officials, 7);
            };
            String email =
                    staff && random.nextDouble() < STAFF_WITH_EMAIL ? email(family, middle, given, audience) : null;
            return new Person(
                    identityNumber(dateOfBirth, gender),
                    fullName,
                    dateOfBirth,
                    gender,
                    "09" + digits(random.nextInt(100_000_000), 8),
                    email,
                    current.organisationCode(),
                    audience,
                    staffNumber);
        }

        /** A person of the Indian demo: Hindi-belt names, a 10-digit mobile number, an Aadhaar number. */
        private Person indian(Slot slot, Audience audience, Gender gender, LocalDate dateOfBirth) {
            boolean staff = audience != Audience.CITIZEN;
            var given = pick(gender == Gender.MALE ? INDIAN_MALE : INDIAN_FEMALE);
            var surname = pick(INDIAN_SURNAMES);
            String fullName;
            if (gender == Gender.MALE) {
                fullName = random.nextDouble() < 0.35 ? given + " Kumar " + surname : given + " " + surname;
            } else {
                double draw = random.nextDouble();
                fullName = draw < 0.25 && !staff ? given + " Devi" : given + " " + surname;
            }
            String staffNumber = switch (audience) {
                case CITIZEN -> null;
                case TEACHER -> "TCH" + digits(++teachers, 7);
                case OFFICIAL -> "EMP" + digits(++officials, 7);
            };
            String email = staff && random.nextDouble() < STAFF_WITH_EMAIL
                    ? given.toLowerCase(Locale.ROOT) + "." + surname.toLowerCase(Locale.ROOT) + "." + ++emails
                            + (audience == Audience.TEACHER ? "@cp.edu.in" : "@cp.gov.in")
                    : null;
            return new Person(
                    aadhaar(),
                    fullName,
                    dateOfBirth,
                    gender,
                    (6 + random.nextInt(4)) + digits(random.nextInt(1_000_000_000), 9),
                    email,
                    slot.organisationCode(),
                    audience,
                    staffNumber);
        }

        /**
         * A valid Aadhaar number, unique in the file: a first digit from 2 to 9, ten digits that are the person's
         * running number spread over the range (a stride coprime with 10^10, so none repeats), and the Verhoeff check
         * digit (found by asking the platform's own check, which knows the algorithm).
         */
        private String aadhaar() {
            long body = Math.floorMod(made++ * AADHAAR_STRIDE + serialOffset * 9_973L, AADHAAR_BODIES);
            var eleven = (2 + random.nextInt(8)) + digits(body, 10);
            for (int check = 0; check < 10; check++) {
                var number = eleven + check;
                if (IdentityNumbers.check(IdentityScheme.AADHAAR, number).problem() == null) {
                    return number;
                }
            }
            throw new IllegalStateException("No Verhoeff check digit fits");
        }

        /** A birth date making the person {@code youngest} to {@code oldest} years old on {@link #AS_OF}. */
        private LocalDate birthDate(int youngest, int oldest) {
            long first = AS_OF.minusYears(oldest + 1L).plusDays(1).toEpochDay();
            long last = AS_OF.minusYears(youngest).toEpochDay();
            return LocalDate.ofEpochDay(random.nextLong(first, last + 1));
        }

        /**
         * Province code, century-and-gender digit (0 or 1 for men and women born in the 1900s, 2 or 3 in the 2000s),
         * two-digit birth year, and the next unused serial of that province, digit and year, spread over the range.
         */
        private String identityNumber(LocalDate dateOfBirth, Gender gender) {
            int year = dateOfBirth.getYear();
            int centuryGender = (year / 100 - 19) * 2 + (gender == Gender.MALE ? 0 : 1);
            int yy = year % 100;
            int province = random.nextDouble() < BORN_ELSEWHERE
                    ? random.nextInt(PROVINCE_CODES.size())
                    : PROVINCE_CODES.indexOf(HOME_PROVINCE);
            for (int tried = 0; used[province][centuryGender][yy] == SERIALS; tried++) {
                if (tried == PROVINCE_CODES.size()) {
                    throw new IllegalStateException("Every serial of the year is taken");
                }
                province = (province + 1) % PROVINCE_CODES.size();
            }
            int index = used[province][centuryGender][yy]++;
            long serial = (index * SERIAL_STRIDE + bucketOffset(province, centuryGender, yy)) % SERIALS;
            return PROVINCE_CODES.get(province) + centuryGender + digits(yy, 2) + digits(serial, 6);
        }

        /**
         * Where a bucket's serials start: its own place in the range, drawn from the seed and the bucket, so that the
         * few people of one bucket do not share their last digits with the few of every other (as they did when every
         * bucket started at the same offset: 3,000 people had 36 endings).
         */
        private long bucketOffset(int province, int centuryGender, int yy) {
            long key = serialOffset * 1_000_003L + ((long) province * 4 + centuryGender) * 100 + yy;
            return Math.floorMod(mix(key), SERIALS);
        }

        /** A 64-bit finaliser (as in SplittableRandom): nearby keys give unrelated values. */
        private static long mix(long key) {
            long z = key + 0x9E3779B97F4A7C15L;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        private int familyIndex() {
            int draw = random.nextInt(FAMILY_WEIGHT_TOTAL);
            int index = 0;
            while (draw >= FAMILY_CUMULATIVE[index]) {
                index++;
            }
            return index;
        }

        private String middleNames(Gender gender) {
            var first = pick(gender == Gender.MALE ? MALE_MIDDLE : FEMALE_MIDDLE);
            if (random.nextDouble() >= TWO_MIDDLE_NAMES) {
                return first;
            }
            return first + " "
                    + pickDifferent(gender == Gender.MALE ? MALE_SECOND_MIDDLE : FEMALE_SECOND_MIDDLE, first);
        }

        /** An address unique in the file, as an organisation would hand them out: hang.ntt.123@dongan.edu.vn. */
        private String email(String family, String middle, String given, Audience audience) {
            var initials = new StringBuilder(initial(family));
            for (var word : middle.split(" ")) {
                initials.append(initial(word));
            }
            var domain = audience == Audience.TEACHER ? "dongan.edu.vn" : "dongan.gov.vn";
            return DemoProvince.fold(given).toLowerCase(Locale.ROOT) + "." + initials + "." + ++emails + "@" + domain;
        }

        private static String initial(String word) {
            return DemoProvince.fold(word.substring(0, 1)).toLowerCase(Locale.ROOT);
        }

        private String pick(List<String> words) {
            return words.get(random.nextInt(words.size()));
        }

        /** A word other than the last of {@code avoid}, so no one is called "Ngọc Ngọc". */
        private String pickDifferent(List<String> words, String avoid) {
            var last = avoid.substring(avoid.lastIndexOf(' ') + 1);
            var word = pick(words);
            while (word.equals(last)) {
                word = pick(words);
            }
            return word;
        }

        /** The number with leading zeros to {@code width} digits (no {@code String.format}: this runs millions of times). */
        private static String digits(long number, int width) {
            var text = Long.toString(number);
            return text.length() >= width ? text : "0".repeat(width - text.length()) + text;
        }
    }

    /** A stream that passes everything on but its closing: the caller owns it. */
    private static final class KeepOpen extends FilterOutputStream {

        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /**
     * The province codes of Vietnamese identity numbers (as {@code IdentityNumbers} checks them), in the order a full
     * year's serials overflow into the next.
     */
    private static final List<String> PROVINCE_CODES = List.of(
            "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024",
            "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045",
            "046", "048", "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070",
            "072", "074", "075", "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093",
            "094", "095", "096");

    /** Family names with their rough share of the population, in tenths of a per cent. */
    private static final String[] FAMILY_NAMES = {
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
        "Lý"
    };

    private static final int[] FAMILY_WEIGHTS = {380, 110, 95, 70, 30, 21, 45, 20, 19, 21, 20, 14, 13, 13, 10, 5};
    private static final int[] FAMILY_CUMULATIVE = new int[FAMILY_WEIGHTS.length];
    private static final int FAMILY_WEIGHT_TOTAL;

    static {
        int sum = 0;
        for (int i = 0; i < FAMILY_WEIGHTS.length; i++) {
            sum += FAMILY_WEIGHTS[i];
            FAMILY_CUMULATIVE[i] = sum;
        }
        FAMILY_WEIGHT_TOTAL = sum;
    }

    private static final List<String> MALE_MIDDLE = List.of(
            "Văn", "Văn", "Văn", "Hữu", "Đức", "Minh", "Quốc", "Công", "Thành", "Xuân", "Đình", "Quang", "Ngọc");
    private static final List<String> FEMALE_MIDDLE =
            List.of("Thị", "Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh", "Kim", "Phương", "Hồng", "Mỹ", "Diệu", "Bảo");
    private static final List<String> MALE_SECOND_MIDDLE =
            List.of("Minh", "Quốc", "Gia", "Hoàng", "Thanh", "Tuấn", "Anh", "Trọng");
    private static final List<String> FEMALE_SECOND_MIDDLE =
            List.of("Thu", "Thanh", "Ngọc", "Minh", "Hồng", "Bích", "Kim", "Diễm");

    private static final List<String> MALE_GIVEN = List.of(
            "Anh", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hoàng", "Hùng", "Huy", "Khánh", "Khoa", "Long",
            "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Sơn", "Tài", "Thắng", "Thành", "Tiến", "Toàn", "Trung",
            "Tuấn", "Tùng", "Việt", "Vinh", "Quốc", "Đông", "Lâm", "Hưng");
    private static final List<String> FEMALE_GIVEN = List.of(
            "Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hồng", "Hương", "Huyền", "Lan", "Liên",
            "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhung", "Oanh", "Phương", "Quỳnh", "Tâm", "Thảo",
            "Thu", "Thủy", "Trang", "Vân", "Yến", "Uyên", "Trinh");

    private static final List<String> INDIAN_MALE = List.of(
            "Ramesh", "Suresh", "Rajesh", "Mahesh", "Anil", "Sunil", "Vijay", "Sanjay", "Manoj", "Rakesh", "Amit",
            "Rahul", "Rohit", "Deepak", "Pankaj", "Ashok", "Dinesh", "Mukesh", "Arjun", "Vikas", "Ravi", "Ajay", "Alok",
            "Naveen", "Gaurav", "Sachin", "Harish", "Mohan", "Shyam", "Gopal", "Imran", "Salim");
    private static final List<String> INDIAN_FEMALE = List.of(
            "Sunita", "Anita", "Geeta", "Sita", "Rekha", "Pooja", "Priya", "Neha", "Kavita", "Savita", "Meena", "Asha",
            "Usha", "Lakshmi", "Radha", "Shanti", "Kiran", "Suman", "Seema", "Anjali", "Nisha", "Rani", "Sarita",
            "Mamta", "Preeti", "Jyoti", "Ritu", "Komal", "Babita", "Shabnam", "Farzana");
    private static final List<String> INDIAN_SURNAMES = List.of(
            "Sharma",
            "Verma",
            "Yadav",
            "Singh",
            "Gupta",
            "Mishra",
            "Tiwari",
            "Pandey",
            "Patel",
            "Chauhan",
            "Meena",
            "Prajapati",
            "Kushwaha",
            "Maurya",
            "Rajput",
            "Ahirwar",
            "Thakur",
            "Saini",
            "Jatav",
            "Khan",
            "Ansari",
            "Qureshi",
            "Dubey",
            "Shukla",
            "Srivastava",
            "Rathore",
            "Solanki",
            "Bhatt");
}
