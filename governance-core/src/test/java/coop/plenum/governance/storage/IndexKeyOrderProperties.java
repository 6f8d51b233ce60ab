package coop.plenum.governance.storage;

import de.bwaldvogel.mongo.backend.KeyValue;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The index order must be a total order that treats two keys as one entry exactly when they are equal. */
class IndexKeyOrderProperties {

    private final IndexKeyOrder order = new IndexKeyOrder();

    @Property(tries = 2000)
    void twoKeysAreTheSameIndexEntryExactlyWhenTheyAreEqual(@ForAll("keys") KeyValue a, @ForAll("keys") KeyValue b) {
        assertThat(order.compare(a, b) == 0).isEqualTo(a.equals(b));
        assertThat(order.compare(a, new KeyValue(a.stream().toList()))).isZero();
    }

    @Property(tries = 2000)
    void theOrderIsAntisymmetric(@ForAll("keys") KeyValue a, @ForAll("keys") KeyValue b) {
        assertThat(Integer.signum(order.compare(a, b))).isEqualTo(-Integer.signum(order.compare(b, a)));
    }

    @Property(tries = 2000)
    void theOrderIsTransitive(@ForAll("keys") KeyValue a, @ForAll("keys") KeyValue b, @ForAll("keys") KeyValue c) {
        List<KeyValue> sorted = new java.util.ArrayList<>(List.of(a, b, c));
        sorted.sort(order::compare);
        assertThat(order.compare(sorted.get(0), sorted.get(2))).isLessThanOrEqualTo(0);
        assertThat(order.compare(sorted.get(0), sorted.get(1))).isLessThanOrEqualTo(0);
        assertThat(order.compare(sorted.get(1), sorted.get(2))).isLessThanOrEqualTo(0);
    }

    @Provide
    Arbitrary<KeyValue> keys() {
        Arbitrary<Object> value = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(6).withChars("ab|-1"),
                Arbitraries.longs().between(-3, 3).map(Object.class::cast),
                Arbitraries.doubles().between(-3, 3).ofScale(1).map(Object.class::cast),
                Arbitraries.of(true, false).map(Object.class::cast),
                Arbitraries.of(UUID.fromString("00000000-0000-0000-0000-000000000001"),
                        UUID.fromString("00000000-0000-0000-0000-000000000002")).map(Object.class::cast),
                // a type without a natural order here: compared by its serialized bytes, as H2 always did
                Arbitraries.of(new de.bwaldvogel.mongo.bson.ObjectId("5f1e7a2b3c4d5e6f70819203"),
                        new de.bwaldvogel.mongo.bson.ObjectId("5f1e7a2b3c4d5e6f70819204")).map(Object.class::cast),
                Arbitraries.just(null));
        return value.list().ofMinSize(1).ofMaxSize(3).map(KeyValue::new);
    }
}
