package org.ovsqos.ovsdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.ovsqos.ovsdb.client.OvsdbClient;

/**
 * The library's boundary, as its compiled {@code module-info} draws it: the API packages are
 * exported, the JSON-RPC layer and the Netty transport are not, every exported package says what
 * it is, and the descriptor resolves against the very jars the library is built with.
 */
class ModuleDescriptorTest {
    private static final String MODULE = "org.ovsqos.ovsdb";
    private static final Set<String> API = Set.of("org.ovsqos.ovsdb", "org.ovsqos.ovsdb.cache",
            "org.ovsqos.ovsdb.client", "org.ovsqos.ovsdb.monitor", "org.ovsqos.ovsdb.notation",
            "org.ovsqos.ovsdb.operation", "org.ovsqos.ovsdb.schema");
    private static final Set<String> INTERNAL = Set.of("org.ovsqos.ovsdb.jsonrpc", "org.ovsqos.ovsdb.netty");

    @Test
    void exportsTheApiPackagesAndNotTheInternals() throws IOException {
        ModuleDescriptor module = descriptor();

        assertThat(module.name()).isEqualTo(MODULE);
        assertThat(module.exports()).allSatisfy(e -> assertThat(e.isQualified()).isFalse());
        assertThat(module.exports().stream().map(ModuleDescriptor.Exports::source)).containsExactlyInAnyOrderElementsOf(API);
        for (String internal : INTERNAL) {
            assertThat(classes().resolve(internal.replace('.', File.separatorChar)))
                    .as("%s is in the module, only not exported", internal).isDirectory();
        }
    }

    @Test
    void everyExportedPackageSaysWhatItHoldsAndWhichSectionItImplements() throws IOException {
        for (String pkg : API) {
            Path info = Path.of("src", "main", "java").resolve(pkg.replace('.', File.separatorChar))
                    .resolve("package-info.java");
            assertThat(info).as("package-info of %s", pkg).isRegularFile();
            assertThat(Files.readString(info)).as(info.toString()).contains("RFC 7047").contains("package " + pkg + ";");
        }
    }

    @Test
    void resolvesAgainstTheJarsItIsBuiltWith() throws IOException {
        List<Path> paths = new ArrayList<>(List.of(classes()));
        Stream.of(System.getProperty("jdk.module.path", ""), System.getProperty("java.class.path", ""))
                .flatMap(p -> Stream.of(p.split(File.pathSeparator)))
                .filter(p -> p.contains("json-tree")
                        || p.endsWith(".jar") && (p.contains("netty") || p.contains("jackson") || p.contains("slf4j")))
                .distinct()
                .map(Path::of)
                .forEach(paths::add);

        Configuration resolved = ModuleLayer.boot().configuration().resolve(
                ModuleFinder.of(paths.toArray(Path[]::new)), ModuleFinder.of(), Set.of(MODULE));

        assertThat(resolved.findModule(MODULE)).isPresent();
        assertThat(resolved.modules().stream().map(m -> m.name()).collect(Collectors.toSet()))
                .contains("io.netty.transport", "com.fasterxml.jackson.databind", "org.ovsqos.json", "org.slf4j");
    }

    private static ModuleDescriptor descriptor() throws IOException {
        try (InputStream in = Files.newInputStream(classes().resolve("module-info.class"))) {
            return ModuleDescriptor.read(in);
        }
    }

    /** Where the library's compiled classes are: {@code target/classes} in a build. */
    private static Path classes() {
        try {
            return Path.of(OvsdbClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
