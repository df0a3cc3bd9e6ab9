package org.ovsqos.ovsdb.schema;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ovsqos.ovsdb.testing.OvsBinaries;

/**
 * Every schema installed with Open vSwitch, its VTEP package and OVN (the Northbound and
 * Southbound schemas: large real ones), read and written back exactly as {@code ovsdb-tool} 3.1
 * writes it into a new database file, whose first record is the schema in ovsdb-server's form.
 * {@code scripts/lib/ensure-ovs.sh} installs all three packages.
 */
class InstalledSchemasIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<Path> PLACES = List.of(Path.of("/usr/share/openvswitch"), Path.of("/usr/share/ovn"));

    static Stream<Path> installedSchemas() throws IOException {
        Stream<Path> all = Stream.empty();
        for (Path place : PLACES) {
            if (Files.isDirectory(place)) {
                all = Stream.concat(all, Files.list(place).filter(p -> p.toString().endsWith(".ovsschema")).toList().stream());
            }
        }
        return all.sorted();
    }

    @Test
    void findsTheSchemasOfOpenVswitchVtepAndOvn() throws IOException {
        assertThat(installedSchemas().map(p -> p.getFileName().toString()))
                .as("installed by scripts/lib/ensure-ovs.sh (openvswitch-switch, openvswitch-vtep, ovn-central)")
                .contains("vswitch.ovsschema", "local-config.ovsschema", "vtep.ovsschema", "ovn-nb.ovsschema",
                        "ovn-sb.ovsschema");
    }

    @ParameterizedTest
    @MethodSource("installedSchemas")
    void readsAndWritesTheSchemaAsOvsdbToolDoes(Path schemaFile, @TempDir Path dir) throws Exception {
        Path db = dir.resolve("test.db");
        Process tool = new ProcessBuilder(OvsBinaries.find("ovsdb-tool").toString(), "create", db.toString(),
                schemaFile.toString()).redirectErrorStream(true).start();
        assertThat(tool.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(tool.exitValue()).as(new String(tool.getInputStream().readAllBytes(), UTF_8)).isZero();
        // The file holds "OVSDB JSON <length> <hash>", then the schema record.
        JsonNode written = MAPPER.readTree(Files.readAllLines(db, UTF_8).get(1));

        DatabaseSchema schema = DatabaseSchema.fromJson(MAPPER.readTree(schemaFile.toFile()));

        assertThat(schema.toJson()).isEqualTo(written);
        assertThat(DatabaseSchema.fromJson(written)).isEqualTo(schema);
    }
}
