package org.ovsqos.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Packages never import each other in a loop, in any module (docs/architecture.md, "Packages"):
 * Go cannot compile such a loop, Java can, so the JDK's own {@code jdeps} checks the compiled
 * classes of each module here, found through one class of it on the class path (a directory in
 * the reactor, a jar elsewhere).
 */
class PackageCyclesTest {
    private static final Pattern EDGE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s");

    @ParameterizedTest
    @ValueSource(strings = {
        "org.ovsqos.ovsdb.client.OvsdbClient",
        "org.ovsqos.core.config.QosConfig",
        "org.ovsqos.daemon.Main",
    })
    void noPackageCycleInTheModuleOf(String className, @TempDir Path classes) throws Exception {
        Map<String, Set<String>> graph = packageGraph(classesOf(Class.forName(className), classes));

        assertThat(graph).as("jdeps found the module's packages").isNotEmpty();
        assertThat(cycles(graph)).as("package cycles").isEmpty();
    }

    @Test
    void findsALoopAndOnlyTheLoop() {
        Map<String, Set<String>> graph = Map.of(
                "a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"), "e", Set.of());

        assertThat(cycles(graph)).containsExactly(Set.of("a", "b", "c"));
    }

    /**
     * The classes of {@code type}'s module (a directory in the reactor, a jar elsewhere) copied
     * into {@code into}, without {@code module-info.class}: the package graph is the same, and
     * jdeps then needs no module path to read them.
     */
    private static Path classesOf(Class<?> type, Path into) throws URISyntaxException, IOException {
        Path code = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(code)) {
            copyClasses(code, into);
        } else {
            try (FileSystem jar = FileSystems.newFileSystem(code)) {
                copyClasses(jar.getPath("/"), into);
            }
        }
        return into;
    }

    private static void copyClasses(Path root, Path into) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String relative = root.relativize(file).toString();
                if (relative.endsWith(".class") && !relative.endsWith("module-info.class")) {
                    Path target = into.resolve(relative);
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                }
            }
        }
    }

    /** Package → the project packages it uses, as {@code jdeps -verbose:package} reports them. */
    private static Map<String, Set<String>> packageGraph(Path classes) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(out),
                "-verbose:package", "-e", "org\\.ovsqos\\..*", classes.toString());
        assertThat(status).as("jdeps: %s", out).isZero();
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            Matcher edge = EDGE.matcher(line);
            if (edge.find()) {
                graph.computeIfAbsent(edge.group(1), p -> new TreeSet<>()).add(edge.group(2));
            }
        }
        return graph;
    }

    /** The strongly connected groups of more than one package (Tarjan's algorithm). */
    static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        return new Tarjan(graph).components().stream().filter(c -> c.size() > 1).toList();
    }

    private static final class Tarjan {
        private final Map<String, Set<String>> graph;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new TreeSet<>();
        private final List<Set<String>> components = new ArrayList<>();

        Tarjan(Map<String, Set<String>> graph) {
            this.graph = graph;
        }

        List<Set<String>> components() {
            for (String node : graph.keySet()) {
                if (!index.containsKey(node)) {
                    visit(node);
                }
            }
            return components;
        }

        private void visit(String node) {
            index.put(node, index.size());
            low.put(node, index.get(node));
            stack.push(node);
            onStack.add(node);
            for (String next : graph.getOrDefault(node, Set.of())) {
                if (!index.containsKey(next)) {
                    visit(next);
                    low.put(node, Math.min(low.get(node), low.get(next)));
                } else if (onStack.contains(next)) {
                    low.put(node, Math.min(low.get(node), index.get(next)));
                }
            }
            if (low.get(node).equals(index.get(node))) {
                Set<String> component = new TreeSet<>();
                String member;
                do {
                    member = stack.pop();
                    onStack.remove(member);
                    component.add(member);
                } while (!member.equals(node));
                components.add(component);
            }
        }
    }
}
