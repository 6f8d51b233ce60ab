package coop.plenum.governance.axon;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.TypeFilter;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, "nothing can be written that cannot be read back": every event type, filled with the most extreme values
 * the input bounds allow, goes through the event serializer the application stores events with and comes back equal.
 * Event types are found, not listed: every record some handler reads (event sourcing, projections, sagas, deadlines)
 * and every past-tense record of a feature package. A new event type is covered the day it is written; one with a
 * component this generator cannot fill fails here until the generator learns it.
 */
class EveryEventSurvivesTheEventSerializerTest {

    /** The largest text any rule lets in (a proposal body), in every script a cooperative might write. */
    static final int LONGEST_TEXT = 20_000;
    /** Points: at most 10^9 × 10^6 per contribution, six fractional digits; amounts at most 10^15 minor units. */
    static final BigDecimal LARGEST = new BigDecimal("999999999999999.999999");
    static final BigDecimal SMALLEST = new BigDecimal("0.000001");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");
    static final Instant EARLIEST = Instant.EPOCH;

    private final Serializer serializer = new SerializationConfiguration().eventSerializer();

    @Test
    void everyEventTypeIsFound() {
        Set<String> names = new TreeSet<>();
        eventTypes().forEach(t -> names.add(t.getSimpleName()));
        // a floor, not a list: the scan must keep finding the events of both contexts
        assertThat(names).contains("CooperativeFounded", "CharterAmended", "ProposalSubmitted", "VotingOpened", "VotingClosed",
                "BallotCast", "DelegationsFrozen", "VoteDelegated", "AccountCreated", "ContributionLogged", "ContributionAccepted",
                "RevenueRecorded", "RevenueAllocated", "LedgerOpened", "ValueEquationConfigured", "DecisionNotApplicable");
        assertThat(names.size()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void aRateBeyondTheBoundsWrittenBeforeTheyExistedIsStillReadBack() {
        // the 1E+1000 of issue 10 is written as 1,001 digits; commands now refuse it, and the log's reader accepts
        // numbers of up to 1,000,000 digits so a log that already holds one is readable (no processor stalls on it)
        var charter = new coop.plenum.governance.charter.Charter(null, null, null, null, null, null,
                new coop.plenum.governance.charter.LedgerRule(Map.of("WORK_HOURS", new BigDecimal("1E+1000")), 2));
        var poison = new coop.plenum.governance.cooperative.CharterAmended(new coop.plenum.governance.ids.CooperativeId("c"),
                new coop.plenum.governance.ids.ProposalId("p"), charter, EARLIEST);
        SerializedObject<byte[]> written = serializer.serialize(poison, byte[].class);
        Object read = serializer.deserialize(written);
        org.assertj.core.api.Assertions.assertThat(((coop.plenum.governance.cooperative.CharterAmended) read).charter().ledger().rates()
                .get("WORK_HOURS")).isEqualByComparingTo(new BigDecimal("1E+1000"));
    }

    @Test
    void aCharterRecordedBeforeBoardSeatsExistedReadsBackUnchangedWithoutSeats() {
        var charter = coop.plenum.governance.charter.CharterRules.complete(new coop.plenum.governance.charter.Charter(
                List.of(new coop.plenum.governance.charter.StakeholderClass("members", "Members", 100, 0)),
                null, null, null, null, null, null, false));
        var amended = new coop.plenum.governance.cooperative.CharterAmended(new coop.plenum.governance.ids.CooperativeId("c"),
                new coop.plenum.governance.ids.ProposalId("p"), charter, EARLIEST);
        SerializedObject<byte[]> written = serializer.serialize(amended, byte[].class);
        String json = new String(written.getData(), java.nio.charset.StandardCharsets.UTF_8);
        // the bytes such an event was stored with: the charter had no seats component at all
        String old = json.replaceAll(",\\s*\"seats\"\\s*:\\s*null", "");
        assertThat(old).doesNotContain("seats");
        Object read = serializer.deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(
                old.getBytes(java.nio.charset.StandardCharsets.UTF_8), byte[].class, written.getType()));
        assertThat(read).isEqualTo(amended);
        assertThat(((coop.plenum.governance.cooperative.CharterAmended) read).charter().seatsOrNone()).isEmpty();
    }

    @Test
    void everyEventTypeWithTheLargestAllowedValuesIsReadBackEqual() {
        roundTripsEveryEvent(true);
    }

    @Test
    void everyEventTypeWithTheSmallestAllowedValuesIsReadBackEqual() {
        roundTripsEveryEvent(false);
    }

    private void roundTripsEveryEvent(boolean largest) {
        List<String> failures = new ArrayList<>();
        for (Class<?> type : eventTypes()) {
            Object event;
            try {
                event = new Extreme(largest).of(type, type);
            } catch (RuntimeException cannotFill) {
                failures.add(type.getName() + ": no extreme sample (" + cannotFill.getMessage() + "); teach Extreme its components");
                continue;
            }
            try {
                SerializedObject<byte[]> written = serializer.serialize(event, byte[].class);
                Object read = serializer.deserialize(written);
                if (!event.equals(read)) {
                    failures.add(type.getName() + ": read back differs");
                }
            } catch (RuntimeException unreadable) {
                failures.add(type.getName() + ": " + unreadable);
            }
        }
        assertThat(failures).isEmpty();
    }

    static Set<Class<?>> eventTypes() {
        Set<Class<?>> types = new LinkedHashSet<>();
        for (Class<?> c : classesOf("coop.plenum")) {
            for (Method m : c.getDeclaredMethods()) {
                if ((m.isAnnotationPresent(EventSourcingHandler.class) || m.isAnnotationPresent(EventHandler.class)
                        || m.isAnnotationPresent(SagaEventHandler.class) || m.isAnnotationPresent(DeadlineHandler.class))
                        && m.getParameterCount() > 0 && m.getParameterTypes()[0].isRecord()
                        && m.getParameterTypes()[0].getName().startsWith("coop.plenum")) {
                    types.add(m.getParameterTypes()[0]);
                }
            }
            if (c.isRecord() && isPastTense(c.getSimpleName()) && isFeaturePackage(c.getPackageName()) && !isCommand(c)) {
                types.add(c);
            }
        }
        return types;
    }

    private static boolean isPastTense(String name) {
        return name.endsWith("ed") || name.endsWith("Frozen") || name.endsWith("NotApplicable");
    }

    private static boolean isCommand(Class<?> record) {
        return java.util.Arrays.stream(record.getRecordComponents()).anyMatch(component ->
                component.isAnnotationPresent(org.axonframework.modelling.command.TargetAggregateIdentifier.class)
                        || component.getAccessor().isAnnotationPresent(org.axonframework.modelling.command.TargetAggregateIdentifier.class));
    }

    private static boolean isFeaturePackage(String pkg) {
        return !pkg.endsWith(".query") && !pkg.endsWith(".command") && !pkg.endsWith(".login");
    }

    private static List<Class<?>> classesOf(String basePackage) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition bean) {
                return true;
            }
        };
        scanner.addIncludeFilter((TypeFilter) (reader, factory) -> true);
        List<Class<?>> classes = new ArrayList<>();
        for (var bean : scanner.findCandidateComponents(basePackage)) {
            try {
                classes.add(Class.forName(bean.getBeanClassName(), false, EveryEventSurvivesTheEventSerializerTest.class.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException(e);
            }
        }
        return classes;
    }

    /** Fills any record with extreme values, component by component. */
    record Extreme(boolean largest) {

        Object of(Type type, Class<?> raw) {
            if (raw == String.class) {
                return largest ? longestText() : "x";
            }
            if (raw == BigDecimal.class) {
                return largest ? LARGEST : SMALLEST;
            }
            if (raw == Instant.class) {
                return largest ? LATEST : EARLIEST;
            }
            if (raw == LocalDate.class) {
                return largest ? LocalDate.of(9999, 12, 31) : LocalDate.of(1970, 1, 1);
            }
            if (raw == int.class || raw == Integer.class) {
                return largest ? Integer.MAX_VALUE : 1;
            }
            if (raw == long.class || raw == Long.class) {
                return largest ? Long.MAX_VALUE : 0L;
            }
            if (raw == boolean.class || raw == Boolean.class) {
                return largest;
            }
            if (raw.isEnum()) {
                Object[] constants = raw.getEnumConstants();
                return largest ? constants[constants.length - 1] : constants[0];
            }
            if (raw == List.class) {
                return List.of(element(type, 0), element(type, 0));
            }
            if (raw == Set.class) {
                return Set.of(element(type, 0));
            }
            if (raw == Map.class) {
                Map<Object, Object> map = new LinkedHashMap<>();
                map.put(largest ? "W".repeat(40) : "W", element(type, 1));
                return map;
            }
            if (raw.isRecord()) {
                RecordComponent[] components = raw.getRecordComponents();
                Object[] values = new Object[components.length];
                Class<?>[] types = new Class<?>[components.length];
                boolean typedId = raw.getSimpleName().endsWith("Id") && components.length == 1
                        && components[0].getType() == String.class;
                for (int i = 0; i < components.length; i++) {
                    types[i] = components[i].getType();
                    // a typed id holds the longest well-formed id (coop.plenum.kernel.Ids), not the longest text
                    values[i] = typedId ? (largest ? longestId() : "x") : of(components[i].getGenericType(), components[i].getType());
                }
                try {
                    var constructor = raw.getDeclaredConstructor(types);
                    constructor.setAccessible(true);
                    return constructor.newInstance(values);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(raw.getSimpleName() + ": " + e.getCause(), e);
                }
            }
            throw new IllegalStateException("cannot fill a " + type.getTypeName());
        }

        private Object element(Type container, int index) {
            Type arg = ((ParameterizedType) container).getActualTypeArguments()[index];
            Class<?> raw = arg instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) arg;
            return of(arg, raw);
        }

        static String longestId() {
            String id = "id-Zoë-協同-🌍-" + "z".repeat(coop.plenum.kernel.Ids.MAX_LENGTH);
            return id.substring(0, coop.plenum.kernel.Ids.MAX_LENGTH);
        }

        /** Latin with diacritics, CJK, emoji (surrogate pairs), combining marks, RTL, line breaks and tabs. */
        static String longestText() {
            String sample = "Zoë Ångström 協同組合 🌍🗳️ é\u0301 مرحبا\r\n\t\"'<>&\\/";
            StringBuilder text = new StringBuilder(LONGEST_TEXT);
            while (text.length() + sample.length() <= LONGEST_TEXT) {
                text.append(sample);
            }
            while (text.length() < LONGEST_TEXT) {
                text.append('z');
            }
            return text.toString();
        }
    }
}
