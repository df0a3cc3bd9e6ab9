package org.ovsqos.ovsdb.notation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any value survives encode, serialise to text, parse, decode. */
class NotationJsonProperties {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Property(tries = 500)
    void everyValueRoundTripsThroughJsonText(@ForAll("values") Value value) throws Exception {
        String text = MAPPER.writeValueAsString(NotationJson.toJson(value));
        assertThat(NotationJson.valueFromJson(MAPPER.readTree(text))).isEqualTo(value);
    }

    @Property(tries = 200)
    void everyRowRoundTripsWithItsColumnOrder(@ForAll("rows") Row row) throws Exception {
        String text = MAPPER.writeValueAsString(NotationJson.toJson(row));
        Row back = NotationJson.rowFromJson(MAPPER.readTree(text));
        assertThat(back).isEqualTo(row);
        assertThat(back.columns().keySet()).containsExactlyElementsOf(row.columns().keySet());
    }

    @Provide
    Arbitrary<Value> values() {
        return Arbitraries.oneOf(atoms().map(a -> a), sets().map(s -> s), maps().map(m -> m));
    }

    @Provide
    Arbitrary<Row> rows() {
        return Arbitraries.maps(Arbitraries.strings().ofMinLength(1).ofMaxLength(12), values())
                .ofMaxSize(6).map(Row::new);
    }

    private Arbitrary<Atom> atoms() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(Atom::integer),
                Arbitraries.doubles().filter(Double::isFinite).map(Atom::real),
                Arbitraries.of(true, false).map(Atom::bool),
                Arbitraries.strings().ofMaxLength(20).map(Atom::string),
                Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new).map(Atom::uuid),
                Arbitraries.strings().withCharRange('a', 'z').withChars('_').ofMinLength(1).ofMaxLength(10)
                        .map(Atom::namedUuid));
    }

    private Arbitrary<OvsdbSet> sets() {
        return atoms().set().ofMaxSize(5).map(OvsdbSet::new);
    }

    private Arbitrary<OvsdbMap> maps() {
        return Arbitraries.maps(atoms(), atoms()).ofMaxSize(5).map(OvsdbMap::new);
    }
}
