package org.ovsqos.core.config;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * The problems of one file: the first {@value ConfigParser#MAX_PROBLEMS} warnings kept, the rest
 * only counted, so that a file of thousands of unknown keys costs neither the heap nor the log.
 * Errors are always kept: there are at most a few (the file as a whole, the interface regexes),
 * and they decide whether the file is usable.
 */
final class ConfigProblems extends AbstractList<ConfigProblem> {
    private final List<ConfigProblem> kept = new ArrayList<>();
    private int notKept;

    @Override
    public boolean add(ConfigProblem problem) {
        if (problem.severity() == Severity.ERROR || kept.size() < ConfigParser.MAX_PROBLEMS) {
            kept.add(problem);
        } else {
            notKept++;
        }
        return true;
    }

    @Override
    public ConfigProblem get(int index) {
        return kept.get(index);
    }

    @Override
    public int size() {
        return kept.size();
    }

    /** The kept problems, and one warning counting those that were not. */
    List<ConfigProblem> report() {
        if (notKept == 0) {
            return List.copyOf(kept);
        }
        List<ConfigProblem> all = new ArrayList<>(kept);
        all.add(ConfigProblem.warning("", "and " + notKept + " more warning(s), not listed"));
        return all;
    }
}
