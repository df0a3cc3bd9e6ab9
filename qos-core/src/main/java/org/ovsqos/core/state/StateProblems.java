package org.ovsqos.core.state;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * The problems of one file: the first {@value StateCodec#MAX_PROBLEMS} about single records kept,
 * the rest only counted, so a file damaged every few bytes costs neither the heap nor the log.
 * The verdicts on the file as a whole (damaged, cut short, imported) come once each and are
 * always kept: they say what happened to the rest.
 */
final class StateProblems extends AbstractList<String> {
    private final List<String> kept = new ArrayList<>();
    private int notKept;

    @Override
    public boolean add(String problem) {
        if (kept.size() < StateCodec.MAX_PROBLEMS) {
            kept.add(problem);
        } else {
            notKept++;
        }
        return true;
    }

    /** A verdict on the whole file, which the reader gives at most once: never dropped. */
    void addForFile(String problem) {
        kept.add(problem);
    }

    @Override
    public String get(int index) {
        return kept.get(index);
    }

    @Override
    public int size() {
        return kept.size();
    }

    /** The kept problems, and one line counting those that were not. */
    List<String> report() {
        if (notKept == 0) {
            return List.copyOf(kept);
        }
        List<String> all = new ArrayList<>(kept);
        all.add("and " + notKept + " more problem(s), not listed");
        return all;
    }
}
