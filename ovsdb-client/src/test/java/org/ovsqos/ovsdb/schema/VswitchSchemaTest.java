package org.ovsqos.ovsdb.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ovsqos.ovsdb.notation.OvsdbSet;

/** Parses the schema installed with Open vSwitch and checks facts the daemon relies on. */
class VswitchSchemaTest {
    private static final Path VSWITCH = Path.of("/usr/share/openvswitch/vswitch.ovsschema");
    private static final Path LOCAL_CONFIG = Path.of("/usr/share/openvswitch/local-config.ovsschema");

    private static DatabaseSchema schema;

    @BeforeAll
    static void parse() throws IOException {
        schema = DatabaseSchema.fromJson(new ObjectMapper().readTree(VSWITCH.toFile()));
    }

    @Test
    void readsNameVersionAndChecksum() {
        assertThat(schema.name()).isEqualTo("Open_vSwitch");
        assertThat(schema.version()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(schema.cksum()).hasValueSatisfying(c -> assertThat(c).matches("\\d+ \\d+"));
        assertThat(schema.tables()).containsKeys("Open_vSwitch", "Bridge", "Port", "Interface", "QoS", "Queue");
    }

    @Test
    void ingressPolicingRateIsANonNegativeInteger() {
        ColumnType type = schema.requireTable("Interface").requireColumn("ingress_policing_rate").type();
        assertThat(type.isScalar()).isTrue();
        assertThat(type.key().type()).isEqualTo(AtomicType.INTEGER);
        assertThat(type.key().minInteger()).isZero();
        assertThat(type.key().maxInteger()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void statisticsIsAnEphemeralMapFromStringToInteger() {
        ColumnSchema statistics = schema.requireTable("Interface").requireColumn("statistics");
        assertThat(statistics.ephemeral()).isTrue();
        assertThat(statistics.type().isMap()).isTrue();
        assertThat(statistics.type().key().type()).isEqualTo(AtomicType.STRING);
        assertThat(statistics.type().value()).hasValueSatisfying(v -> assertThat(v.type()).isEqualTo(AtomicType.INTEGER));
        assertThat(statistics.type().min()).isZero();
        assertThat(statistics.type().isUnlimited()).isTrue();
    }

    @Test
    void externalIdsIsAMapFromStringToString() {
        ColumnType type = schema.requireTable("Interface").requireColumn("external_ids").type();
        assertThat(type.isMap()).isTrue();
        assertThat(type.key()).isEqualTo(BaseType.of(AtomicType.STRING));
        assertThat(type.value()).contains(BaseType.of(AtomicType.STRING));
        assertThat(type.defaultValue()).isEqualTo(org.ovsqos.ovsdb.notation.OvsdbMap.empty());
    }

    @Test
    void bridgePortsIsASetOfStrongReferencesToPort() {
        ColumnType type = schema.requireTable("Bridge").requireColumn("ports").type();
        assertThat(type.isSet()).isTrue();
        assertThat(type.key().type()).isEqualTo(AtomicType.UUID);
        assertThat(type.key().refTable()).contains("Port");
        assertThat(type.key().refType()).isEqualTo(RefType.STRONG);
        assertThat(type.min()).isZero();
        assertThat(type.max()).isEqualTo(ColumnType.UNLIMITED);
    }

    @Test
    void mirrorPortsAreWeakReferences() {
        ColumnType type = schema.requireTable("Mirror").requireColumn("output_port").type();
        assertThat(type.key().refType()).isEqualTo(RefType.WEAK);
        assertThat(type.isOptional()).isTrue();
        assertThat(type.isComposite()).isFalse();
    }

    @Test
    void readsEnumerationsAsSetsOfAtoms() {
        ColumnType failMode = schema.requireTable("Bridge").requireColumn("fail_mode").type();
        assertThat(failMode.key().enumeration()).contains(OvsdbSet.ofStrings("standalone", "secure"));
    }

    @Test
    void readsTableOptionsAndImplicitColumns() {
        TableSchema root = schema.requireTable("Open_vSwitch");
        assertThat(root.isRoot()).isTrue();
        assertThat(root.maxRows()).hasValue(1);
        TableSchema bridge = schema.requireTable("Bridge");
        assertThat(bridge.isRoot()).isFalse();
        assertThat(bridge.indexes()).containsExactly(List.of("name"));
        assertThat(bridge.requireColumn("name").mutable()).isFalse();
        assertThat(bridge.columns().keySet()).startsWith("_uuid", "_version");
        assertThat(bridge.monitorableColumns()).contains("_version", "name").doesNotContain("_uuid");
        assertThat(schema.requireTable("Flow_Sample_Collector_Set").indexes()).containsExactly(List.of("id", "bridge"));
    }

    @Test
    void parsesTheLocalConfigSchemaToo() throws IOException {
        DatabaseSchema local = DatabaseSchema.fromJson(new ObjectMapper().readTree(LOCAL_CONFIG.toFile()));
        assertThat(local.name()).isEqualTo("Local_Config");
        assertThat(local.requireTable("Connection").requireColumn("max_backoff").type().key().minInteger())
                .isEqualTo(1000);
    }
}
