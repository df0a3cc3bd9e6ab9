package org.ovsqos.core.config;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A compiled interface-name regex that matches the way the old script's {@code re.match} did:
 * anchored at the start of the name only ({@link java.util.regex.Matcher#lookingAt()}). Write
 * {@code $} to anchor the end. Equal when the source text is equal.
 */
public final class NamePattern {
    private final Pattern pattern;

    private NamePattern(Pattern pattern) {
        this.pattern = pattern;
    }

    /** Compiles {@code regex} with {@link java.util.regex} syntax. */
    public static NamePattern compile(String regex) throws PatternSyntaxException {
        return new NamePattern(Pattern.compile(Objects.requireNonNull(regex, "regex")));
    }

    public boolean matches(String name) {
        return pattern.matcher(name).lookingAt();
    }

    public Pattern pattern() {
        return pattern;
    }

    public String source() {
        return pattern.pattern();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NamePattern other && other.source().equals(source());
    }

    @Override
    public int hashCode() {
        return source().hashCode();
    }

    @Override
    public String toString() {
        return source();
    }
}
