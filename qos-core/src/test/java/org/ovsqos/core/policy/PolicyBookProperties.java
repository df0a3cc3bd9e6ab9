package org.ovsqos.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ovsqos.core.config.QosConfig;
import org.ovsqos.core.state.DecodedState;
import org.ovsqos.core.state.StateCodec;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;

/**
 * Random lives of a few interfaces on one host: appearing, disappearing, being re-created,
 * changing plans, released by hand, configurations reloaded. Every interface's steps go through
 * the shared {@link PolicyChecker}; the book's own invariants are checked after every operation.
 */
class PolicyBookProperties {

    private static final List<String> NAMES = List.of("kvm1.0", "kvm2.0", "kvm3.1", "vnet0");

    private static final QosConfig FAST = Configs.tiers(
            Configs.tier(0.9, 120, 0.9, 600), Configs.tier(0.8, 180, 0.8, 900));
    private static final List<QosConfig> CONFIGS = List.of(
            FAST,
            FAST.toBuilder().burstMinKb(50).baseKbps(500_000).build(),
            Configs.tiers(Configs.tier(0.5, 60, 0.5, 300)),
            Configs.tiers(Configs.tier(0.9, 120, 0.9, 300), Configs.tier(0.8, 120, 0.7, 300),
                    Configs.tier(0.5, 60, 0.4, 1200)),
            Configs.tiers(),
            FAST.toBuilder().excludeRegexes("^kvm3").build());

    /** The longest penalty of any of {@link #CONFIGS}. */
    private static final java.time.Duration MAX_PENALTY = java.time.Duration.ofSeconds(1200);

    enum Op { TICK, RELEASE, RELOAD }

    /** Per interface: absent, or present with a usage; sometimes re-created or re-planned. */
    record Seen(boolean present, double usage, boolean recreate, int plan) {}

    record Action(Op op, int gapSeconds, List<Seen> seen, int target) {}

    @Test
    void theBookKeepsEveryInvariantThroughAnyLifeOfItsInterfaces() {
        Coverage coverage = new Coverage();
        qt().withExamples(300).forAll(lives()).checkAssert(life -> live(life, coverage));
        coverage.assertAtLeast("transitions", 0.30);
        coverage.assertAtLeast("a penalty outlived its tier", 0.15);
    }

    private static void live(List<Action> life, Coverage coverage) {
        Host host = new Host(FAST);
        double t = 0;
        int transitions = 0;
        boolean held = false;
        for (Action a : life) {
            t += a.gapSeconds();
            switch (a.op()) {
                case TICK -> {
                    Map<String, Double> usage = new LinkedHashMap<>();
                    for (int i = 0; i < NAMES.size(); i++) {
                        Seen s = a.seen().get(i);
                        String name = NAMES.get(i);
                        host.external(name, switch (s.plan()) {
                            case 1 -> "100";
                            case 2 -> "not-a-number";
                            default -> null;
                        });
                        if (s.present()) {
                            if (s.recreate()) {
                                host.recreate(name);
                            }
                            usage.put(name, s.usage());
                        }
                    }
                    BookUpdate u = host.tick(t, usage);
                    transitions += (int) u.decisions().stream()
                            .filter(d -> d.transition().isPresent()).count();
                    assertThat(u.decisions()).extracting(Decision::iface).containsExactlyElementsOf(
                            usage.keySet().stream().filter(host.book().config()::manages).sorted().toList());
                }
                case RELEASE -> host.release(NAMES.get(a.target() % NAMES.size()), t);
                case RELOAD -> host.reload(CONFIGS.get(a.target() % CONFIGS.size()), t);
                default -> throw new AssertionError(a.op());
            }
            checkBook(host.book(), Traffic.at(t), a.op() != Op.RELEASE);
            int tiers = host.book().config().tiers().size();
            held |= host.book().stateRecords().stream().anyMatch(r -> r.state().tier() > tiers);
        }
        coverage.collect("transitions", transitions > 0);
        coverage.collect("a penalty outlived its tier", held);
    }

    /** {@code aged}: the operation looked at the clock (a release does not age other records). */
    private static void checkBook(PolicyBook book, Instant now, boolean aged) {
        QosConfig config = book.config();
        List<StateRecord> records = book.stateRecords();
        for (StateRecord r : records) {
            assertThat(config.manages(r.iface())).as("only managed interfaces have records").isTrue();
            if (r.state().tier() > config.tiers().size()) {
                assertThat(r.state().penalised()).as("only a penalty outlives its tier").isTrue();
                assertThat(r.state().overSince()).as("a tier beyond the last has no timer").isEmpty();
            }
            if (!book.present(r.iface())) {
                assertThat(r.state().penalised())
                        .as("an absent interface is kept only while it owes a penalty").isTrue();
                assertThat(r.state().penaltyRunning(now) || !aged)
                        .as("an absent interface is dropped when its penalty ends").isTrue();
                assertThat(r.state().baseline()).isEmpty();
            }
        }
        List<PolicyView> view = book.view();
        assertThat(view).extracting(PolicyView::iface)
                .containsExactlyElementsOf(records.stream().map(StateRecord::iface).toList());
        for (PolicyView v : view) {
            boolean held = v.stage() > config.tiers().size();
            v.penaltyUntil().ifPresent(until -> assertThat(java.time.Duration.between(now, until))
                    .isLessThanOrEqualTo(held ? MAX_PENALTY : config.tiers().get(v.stage() - 1).penalty()));
            Optional<Limit> desired = book.desiredLimit(v.iface(), Optional.empty(), now);
            assertThat(desired).isPresent();
            long base = config.baseKbps(v.iface(), Optional.empty());
            int owed = book.state(v.iface()).orElseThrow().penaltyRunning(now) ? v.stage() : 0;
            assertThat(desired).as("a returning interface gets what it owes, as list shows it")
                    .hasValue(owed > 0 && held ? new Limit(v.limitKbps(), v.burstKb())
                            : TierPolicy.limit(owed, base, config));
        }
        DecodedState decoded = StateCodec.decode(StateCodec.encode(records));
        assertThat(decoded.problems()).isEmpty();
        assertThat(decoded.records()).as("every state the book reaches survives the state file")
                .isEqualTo(records);
    }

    static Gen<List<Action>> lives() {
        Gen<Seen> seen = Gens.weighted(List.of(Pair.of(85, true), Pair.of(15, false))).zip(
                Gens.weighted(List.of(Pair.of(70, 1.0), Pair.of(10, 0.85), Pair.of(10, 0.5),
                        Pair.of(10, 0.0))),
                Gens.weighted(List.of(Pair.of(97, false), Pair.of(3, true))),
                Gens.weighted(List.of(Pair.of(90, 0), Pair.of(7, 1), Pair.of(3, 2))),
                Seen::new);
        Gen<Action> action = Gens.weighted(List.of(Pair.of(94, Op.TICK), Pair.of(3, Op.RELEASE),
                        Pair.of(3, Op.RELOAD))).zip(
                Gens.weighted(List.of(Pair.of(85, 60), Pair.of(5, 30), Pair.of(5, 120), Pair.of(5, 500))),
                lists().of(seen).ofSize(NAMES.size()),
                integers().between(0, 100),
                Action::new);
        return lists().of(action).ofSizeBetween(1, 200);
    }
}
