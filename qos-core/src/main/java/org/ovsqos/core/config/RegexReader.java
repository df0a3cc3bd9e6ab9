package org.ovsqos.core.config;

import static org.ovsqos.core.config.Keys.EXCLUDE_REGEXES;
import static org.ovsqos.core.config.Keys.IFACE_NAME_REGEXES;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.PatternSyntaxException;

/** The regex lists: compiled one by one, a bad entry dropped and reported on its own. */
final class RegexReader {
    private final List<ConfigProblem> problems;

    RegexReader(List<ConfigProblem> problems) {
        this.problems = problems;
    }

    /**
     * The old script fell back to the default list when the value was not a list or held no
     * strings, and refused to start when strings were given but none compiled. Both kept.
     */
    Optional<List<NamePattern>> include(JsonNode node) {
        List<NamePattern> defaults = QosConfig.defaults().ifaceNameRegexes();
        String usingDefault = "using default [" + Values.quote(QosConfig.DEFAULT_IFACE_NAME_REGEX) + "]";
        if (node == null) {
            return Optional.of(defaults);
        }
        if (!node.isArray()) {
            problems.add(ConfigProblem.warning(IFACE_NAME_REGEXES, Values.render(node)
                    + " is not a list of regexes; " + usingDefault));
            return Optional.of(defaults);
        }
        int strings = 0;
        for (JsonNode element : node) {
            strings += element.isTextual() ? 1 : 0;
        }
        List<NamePattern> compiled = regexList(IFACE_NAME_REGEXES, node);
        if (strings == 0) {
            problems.add(ConfigProblem.warning(IFACE_NAME_REGEXES, Values.render(node)
                    + " holds no regex; " + usingDefault));
            return Optional.of(defaults);
        }
        if (compiled.isEmpty()) {
            problems.add(ConfigProblem.error(IFACE_NAME_REGEXES,
                    "no valid regex is left, so no interface could be managed"));
            return Optional.empty();
        }
        return Optional.of(compiled);
    }

    List<NamePattern> exclude(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            problems.add(ConfigProblem.warning(EXCLUDE_REGEXES, Values.render(node)
                    + " is not a list of regexes; using default [] (nothing excluded)"));
            return List.of();
        }
        return regexList(EXCLUDE_REGEXES, node);
    }

    /** Compiles each string element; drops (and reports) the rest. */
    private List<NamePattern> regexList(String key, JsonNode array) {
        List<NamePattern> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            String at = key + "[" + i + "]";
            if (!element.isTextual()) {
                problems.add(ConfigProblem.warning(at,
                        Values.render(element) + " is not a string; dropped"));
                continue;
            }
            compile(at, element.textValue(), "dropped").ifPresent(out::add);
        }
        return out;
    }

    Optional<NamePattern> compile(String key, String regex, String consequence) {
        try {
            return Optional.of(NamePattern.compile(regex));
        } catch (PatternSyntaxException e) {
            problems.add(ConfigProblem.warning(key, Values.quote(regex)
                    + " is not a valid regex (" + e.getDescription() + "); " + consequence));
            return Optional.empty();
        }
    }
}
