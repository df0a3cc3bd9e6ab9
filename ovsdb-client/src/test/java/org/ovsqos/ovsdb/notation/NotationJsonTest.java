package org.ovsqos.ovsdb.notation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Golden JSON for every notation type, checked in both directions. */
class NotationJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final UUID U = UUID.fromString("36bd7d9c-2b7e-4d36-8c48-5e1fcb0e6a1f");

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    /** Encodes {@code value} to exactly {@code golden} and decodes {@code golden} to exactly {@code value}. */
    private static void assertGolden(Value value, String golden) throws JsonProcessingException {
        JsonNode expected = json(golden);
        assertThat(NotationJson.toJson(value)).isEqualTo(expected);
        assertThat(MAPPER.writeValueAsString(NotationJson.toJson(value)))
                .isEqualTo(MAPPER.writeValueAsString(expected));
        assertThat(NotationJson.valueFromJson(expected)).isEqualTo(value);
    }

    @Test
    void integerAtomIsAJsonInteger() throws Exception {
        assertGolden(Atom.integer(42), "42");
        assertGolden(Atom.integer(-7), "-7");
        assertGolden(Atom.integer(Long.MAX_VALUE), "9223372036854775807");
        assertGolden(Atom.integer(Long.MIN_VALUE), "-9223372036854775808");
    }

    @Test
    void realAtomIsAJsonNumberWithFraction() throws Exception {
        assertGolden(Atom.real(1.5), "1.5");
        assertGolden(Atom.real(-0.25), "-0.25");
    }

    @Test
    void integralRealStillEncodesAsReal() throws Exception {
        String text = MAPPER.writeValueAsString(NotationJson.toJson(Atom.real(1.0)));
        assertThat(text).isEqualTo("1.0");
        assertThat(NotationJson.valueFromJson(json(text))).isEqualTo(Atom.real(1.0));
        String huge = MAPPER.writeValueAsString(NotationJson.toJson(Atom.real(1e300)));
        assertThat(NotationJson.valueFromJson(json(huge))).isEqualTo(Atom.real(1e300));
    }

    @Test
    void numberWithExponentDecodesAsReal() {
        assertThat(NotationJson.valueFromJson(json("1e3"))).isEqualTo(Atom.real(1000.0));
        assertThat(NotationJson.valueFromJson(json("2.5E-3"))).isEqualTo(Atom.real(0.0025));
    }

    @Test
    void integralNumberDecodesAsIntegerWithoutASchema() {
        // How Open vSwitch sends the real 1.0; the schema layer normalises it.
        assertThat(NotationJson.valueFromJson(json("1"))).isEqualTo(Atom.integer(1));
    }

    @Test
    void booleanAndStringAtoms() throws Exception {
        assertGolden(Atom.bool(true), "true");
        assertGolden(Atom.bool(false), "false");
        assertGolden(Atom.string("kvm101.0"), "\"kvm101.0\"");
        assertGolden(Atom.string(""), "\"\"");
        assertGolden(Atom.string("ü \"quoted\" \n"), "\"ü \\\"quoted\\\" \\n\"");
    }

    @Test
    void uuidAtomIsTagged() throws Exception {
        assertGolden(Atom.uuid(U), "[\"uuid\",\"36bd7d9c-2b7e-4d36-8c48-5e1fcb0e6a1f\"]");
    }

    @Test
    void uppercaseUuidDecodes() {
        assertThat(NotationJson.valueFromJson(json("[\"uuid\",\"36BD7D9C-2B7E-4D36-8C48-5E1FCB0E6A1F\"]")))
                .isEqualTo(Atom.uuid(U));
    }

    @Test
    void namedUuidAtomIsTagged() throws Exception {
        assertGolden(Atom.namedUuid("new_iface"), "[\"named-uuid\",\"new_iface\"]");
    }

    @Test
    void setIsAlwaysTaggedEvenWithOneElement() throws Exception {
        assertGolden(OvsdbSet.empty(), "[\"set\",[]]");
        assertGolden(OvsdbSet.ofStrings("a"), "[\"set\",[\"a\"]]");
        assertGolden(OvsdbSet.of(Atom.integer(3), Atom.integer(1), Atom.integer(2)), "[\"set\",[3,1,2]]");
        assertGolden(OvsdbSet.of(Atom.uuid(U), Atom.namedUuid("p")),
                "[\"set\",[[\"uuid\",\"36bd7d9c-2b7e-4d36-8c48-5e1fcb0e6a1f\"],[\"named-uuid\",\"p\"]]]");
    }

    @Test
    void setKeepsElementOrderButEqualityIgnoresIt() {
        OvsdbSet set = (OvsdbSet) NotationJson.valueFromJson(json("[\"set\",[\"b\",\"a\"]]"));
        assertThat(set.elements()).containsExactly(Atom.string("b"), Atom.string("a"));
        assertThat(set).isEqualTo(OvsdbSet.ofStrings("a", "b"));
    }

    @Test
    void mapIsTaggedListOfPairs() throws Exception {
        assertGolden(OvsdbMap.empty(), "[\"map\",[]]");
        assertGolden(OvsdbMap.of(Atom.string("rx_bytes"), Atom.integer(1200), Atom.string("tx_bytes"), Atom.integer(7)),
                "[\"map\",[[\"rx_bytes\",1200],[\"tx_bytes\",7]]]");
        assertGolden(OvsdbMap.of(Atom.integer(1), Atom.uuid(U)),
                "[\"map\",[[1,[\"uuid\",\"36bd7d9c-2b7e-4d36-8c48-5e1fcb0e6a1f\"]]]]");
    }

    @Test
    void rowPreservesColumnOrderBothWays() throws Exception {
        String golden = "{\"name\":\"kvm1.0\",\"ingress_policing_rate\":1000,"
                + "\"external_ids\":[\"map\",[[\"k\",\"v\"]]],\"_uuid\":[\"uuid\",\"36bd7d9c-2b7e-4d36-8c48-5e1fcb0e6a1f\"]}";
        Row row = Row.of("name", Atom.string("kvm1.0"), "ingress_policing_rate", Atom.integer(1000))
                .with("external_ids", OvsdbMap.ofStrings(java.util.Map.of("k", "v")))
                .with("_uuid", Atom.uuid(U));
        assertThat(MAPPER.writeValueAsString(NotationJson.toJson(row))).isEqualTo(golden);
        Row decoded = NotationJson.rowFromJson(json(golden));
        assertThat(decoded).isEqualTo(row);
        assertThat(decoded.columns().keySet())
                .containsExactly("name", "ingress_policing_rate", "external_ids", "_uuid");
        assertThat(decoded.uuid()).contains(U);
    }

    @Test
    void emptyRowIsEmptyObject() throws Exception {
        assertThat(MAPPER.writeValueAsString(NotationJson.toJson(Row.empty()))).isEqualTo("{}");
        assertThat(NotationJson.rowFromJson(json("{}"))).isEqualTo(Row.empty());
    }

    @Test
    void realsBeyondTheDoubleRangeReadAsTheLargestDoubleOfTheirSign() {
        // ovsdb-server prints reals with %.15g: Double.MAX_VALUE, which it stores, comes back as
        // 1.79769313486232e+308, just past the range (captured from ovsdb-server 3.1).
        assertThat(NotationJson.valueFromJson(json("1.79769313486232e+308"))).isEqualTo(Atom.real(Double.MAX_VALUE));
        assertThat(NotationJson.valueFromJson(json("-1.79769313486232e+308"))).isEqualTo(Atom.real(-Double.MAX_VALUE));
        assertThat(NotationJson.valueFromJson(json("1e400"))).isEqualTo(Atom.real(Double.MAX_VALUE));
    }

    @Test
    void negativeZeroIsZero() throws Exception {
        assertThat(Atom.real(-0.0)).isEqualTo(Atom.real(0.0)).hasSameHashCodeAs(Atom.real(0.0));
        assertThat(NotationJson.valueFromJson(json("-0.0"))).isEqualTo(Atom.real(0.0));
        assertThat(MAPPER.writeValueAsString(NotationJson.toJson(Atom.real(-0.0)))).isEqualTo("0.0");
    }

    @Test
    void booleanConditionsAreJsonBooleans() {
        assertThat(NotationJson.toJson(Condition.TRUE)).isEqualTo(json("true"));
        assertThat(NotationJson.toJson(Condition.FALSE)).isEqualTo(json("false"));
        assertThat(NotationJson.conditionFromJson(json("true"))).isEqualTo(Condition.TRUE);
        assertThat(NotationJson.conditionFromJson(json("false"))).isEqualTo(Condition.constant(false));
    }

    @Test
    void everyConditionFunctionHasItsRfcSpelling() {
        var expected = List.of("<", "<=", "==", "!=", ">=", ">", "includes", "excludes");
        assertThat(Condition.Function.values()).extracting(Condition.Function::symbol)
                .containsExactlyElementsOf(expected);
        for (Condition.Function f : Condition.Function.values()) {
            Condition c = new Condition.Comparison("ofport", f, Atom.integer(3));
            JsonNode golden = json("[\"ofport\",\"" + f.symbol() + "\",3]");
            assertThat(NotationJson.toJson(c)).isEqualTo(golden);
            assertThat(NotationJson.conditionFromJson(golden)).isEqualTo(c);
        }
    }

    @Test
    void conditionFactoriesBuildTheirFunction() {
        assertThat(NotationJson.toJson(Condition.uuidIs(U)))
                .isEqualTo(json("[\"_uuid\",\"==\",[\"uuid\",\"36bd7d9c-2b7e-4d36-8c48-5e1fcb0e6a1f\"]]"));
        assertThat(NotationJson.toJson(Condition.includes("trunks", OvsdbSet.of(Atom.integer(1), Atom.integer(2)))))
                .isEqualTo(json("[\"trunks\",\"includes\",[\"set\",[1,2]]]"));
        assertThat(Condition.lessOrEqual("x", Atom.real(1.5)).function()).isEqualTo(Condition.Function.LESS_OR_EQUAL);
        assertThat(Condition.excludes("x", Atom.integer(1)).function()).isEqualTo(Condition.Function.EXCLUDES);
    }

    @Test
    void everyMutatorHasItsRfcSpelling() {
        var expected = List.of("+=", "-=", "*=", "/=", "%=", "insert", "delete");
        assertThat(Mutation.Mutator.values()).extracting(Mutation.Mutator::symbol)
                .containsExactlyElementsOf(expected);
        for (Mutation.Mutator m : Mutation.Mutator.values()) {
            Mutation mu = new Mutation("n", m, Atom.integer(2));
            JsonNode golden = json("[\"n\",\"" + m.symbol() + "\",2]");
            assertThat(NotationJson.toJson(mu)).isEqualTo(golden);
            assertThat(NotationJson.mutationFromJson(golden)).isEqualTo(mu);
        }
    }

    @Test
    void mutationWithMapOperand() {
        Mutation m = Mutation.insert("external_ids", OvsdbMap.ofStrings(java.util.Map.of("ovs-qos-base-mbit", "200")));
        JsonNode golden = json("[\"external_ids\",\"insert\",[\"map\",[[\"ovs-qos-base-mbit\",\"200\"]]]]");
        assertThat(NotationJson.toJson(m)).isEqualTo(golden);
        assertThat(NotationJson.mutationFromJson(golden)).isEqualTo(m);
    }
}
