package org.ovsqos.daemon.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import sun.misc.Signal;
import sun.misc.SignalHandler;

class SignalHandlersTest {
    private final List<String> hangups = new CopyOnWriteArrayList<>();
    private final List<String> terminations = new CopyOnWriteArrayList<>();

    @Test
    void hangupReloadsAndTermOrIntStop() {
        try (SignalHandlers handlers = SignalHandlers.install(hangups::add, terminations::add)) {
            Signal.raise(new Signal("HUP"));
            Signal.raise(new Signal("TERM"));
            Signal.raise(new Signal("INT"));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(hangups).containsExactly("HUP");
                assertThat(terminations).containsExactlyInAnyOrder("TERM", "INT");
            });
        }
    }

    @Test
    void closeRestoresThePreviousHandlers() {
        SignalHandler sentinel = s -> { };
        SignalHandler original = Signal.handle(new Signal("HUP"), sentinel);
        try {
            SignalHandlers.install(hangups::add, terminations::add).close();

            assertThat(Signal.handle(new Signal("HUP"), original)).isSameAs(sentinel);
        } finally {
            Signal.handle(new Signal("HUP"), original);
        }
    }
}
