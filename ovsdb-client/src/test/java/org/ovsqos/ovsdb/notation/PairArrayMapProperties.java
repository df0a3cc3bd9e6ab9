package org.ovsqos.ovsdb.notation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The compact map behaves as a {@link LinkedHashMap} fed the same puts and removes would: same
 * pairs, same order, equal both ways with the same hash, on both sides of the size where it
 * moves into a hash map.
 */
class PairArrayMapProperties {

    /** One step: set key k to value v, or (v < 0) remove key k. */
    record Step(int key, int value) {
    }

    @Test
    void actsAsALinkedHashMapFedTheSameSteps() {
        // Keys from a domain a little over LARGE, so that runs cross into the hash map and back to small.
        Gen<Step> steps = integers().between(0, PairArrayMap.LARGE + 8)
                .zip(integers().between(-3, 50), Step::new);
        qt().withExamples(400).forAll(lists().of(steps).ofSizeBetween(0, 120), integers().between(0, 40))
                .checkAssert((program, expectedSize) -> {
                    PairArrayMap<String, Integer> map = new PairArrayMap<>(expectedSize);
                    Map<String, Integer> reference = new LinkedHashMap<>();
                    for (Step s : program) {
                        String key = "k" + s.key();
                        if (s.value() < 0) {
                            map.delete(key);
                            reference.remove(key);
                        } else {
                            map.set(key, s.value());
                            reference.put(key, s.value());
                        }
                    }
                    assertSame(map, reference);
                    assertSame(map.trimmed(), reference);
                });
    }

    private static void assertSame(PairArrayMap<String, Integer> map, Map<String, Integer> reference) {
        assertThat(map).hasSize(reference.size()).isEqualTo(reference);
        assertThat(reference).isEqualTo(map);
        assertThat(map.hashCode()).isEqualTo(reference.hashCode());
        assertThat(map.keySet()).containsExactlyElementsOf(reference.keySet());
        assertThat(map.values()).containsExactlyElementsOf(reference.values());
        List<String> visited = new ArrayList<>();
        map.forEach((k, v) -> {
            visited.add(k);
            assertThat(v).isEqualTo(reference.get(k));
        });
        assertThat(visited).containsExactlyElementsOf(reference.keySet());
        for (int k = 0; k <= PairArrayMap.LARGE + 8; k++) {
            String key = "k" + k;
            assertThat(map.get(key)).isEqualTo(reference.get(key));
            assertThat(map.containsKey(key)).isEqualTo(reference.containsKey(key));
        }
        assertThat(map.get(null)).isNull();
        assertThat(map.containsKey(null)).isFalse();
    }

    @Test
    void differentValuesOrMissingKeysAreNotEqual() {
        PairArrayMap<String, Integer> map = new PairArrayMap<>(2);
        map.set("a", 1);
        map.set("b", 2);
        assertThat(map).isNotEqualTo(Map.of("a", 1, "b", 3)).isNotEqualTo(Map.of("a", 1, "c", 2))
                .isNotEqualTo(Map.of("a", 1)).isEqualTo(Map.of("b", 2, "a", 1));
    }

    @Test
    void nothingChangesItThroughTheMapInterface() {
        PairArrayMap<String, Integer> map = new PairArrayMap<>(1);
        map.set("a", 1);
        assertThatThrownBy(() -> map.put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.remove("absent")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(map::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.putAll(Map.of("c", 3))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.entrySet().iterator().next().setValue(5))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.keySet().iterator().remove()).isInstanceOf(RuntimeException.class);
        assertThat(map).isEqualTo(Map.of("a", 1));
    }
}
