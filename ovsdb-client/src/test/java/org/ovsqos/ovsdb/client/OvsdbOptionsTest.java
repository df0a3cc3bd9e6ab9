package org.ovsqos.ovsdb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OvsdbOptionsTest {

    @Test
    void defaultsMatchTheDocumentedConstants() {
        OvsdbOptions options = OvsdbOptions.defaults();

        assertThat(options.maxMessageSize()).isEqualTo(OvsdbOptions.DEFAULT_MAX_MESSAGE_SIZE);
        assertThat(options.callTimeout()).isEqualTo(OvsdbOptions.DEFAULT_CALL_TIMEOUT);
        assertThat(options.connectTimeout()).isEqualTo(OvsdbOptions.DEFAULT_CONNECT_TIMEOUT);
        assertThat(options.inactivityProbe()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.unixInactivityProbe()).isEqualTo(Duration.ofSeconds(15));
        assertThat(options.unixSocketWatch()).isEqualTo(Duration.ofMillis(100));
        assertThat(options.ssl()).isEmpty();
        assertThat(options.reconnectBackoff().delay(1)).isBetween(Duration.ofMillis(750), Duration.ofSeconds(1));
        assertThat(options.reconnectBackoff().delay(10)).isBetween(Duration.ofSeconds(6), Duration.ofSeconds(8));
    }

    @Test
    void defaultMessageLimitHoldsAnInitialMonitorOf5000InterfacesWithRoomToSpare() {
        int measuredRowBytes = 1330;
        assertThat(OvsdbOptions.DEFAULT_MAX_MESSAGE_SIZE).isGreaterThan(5000 * measuredRowBytes * 4);
    }

    @Test
    void toBuilderMakesAChangedCopyAndLeavesTheOriginal() {
        OvsdbOptions original = OvsdbOptions.defaults();
        SslFiles files = new SslFiles(Path.of("key.pem"), Path.of("cert.pem"), Path.of("ca.pem"));

        OvsdbOptions changed = original.toBuilder().callTimeout(Duration.ofSeconds(3)).ssl(files)
                .unixInactivityProbe(Duration.ofSeconds(20)).build();
        OvsdbOptions copied = changed.toBuilder().build();

        assertThat(changed.callTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(copied.unixInactivityProbe()).isEqualTo(Duration.ofSeconds(20));
        assertThat(copied.unixSocketWatch()).isEqualTo(OvsdbOptions.DEFAULT_UNIX_SOCKET_WATCH);
        assertThat(changed.ssl()).contains(files);
        assertThat(changed.maxMessageSize()).isEqualTo(original.maxMessageSize());
        assertThat(original.callTimeout()).isEqualTo(OvsdbOptions.DEFAULT_CALL_TIMEOUT);
        assertThat(original.ssl()).isEmpty();
    }

    @Test
    void zeroDisablesTheInactivityProbesAndTheSocketWatch() {
        OvsdbOptions off = OvsdbOptions.builder().inactivityProbe(Duration.ZERO).unixInactivityProbe(Duration.ZERO)
                .unixSocketWatch(Duration.ZERO).build();

        assertThat(off.inactivityProbe()).isZero();
        assertThat(off.unixInactivityProbe()).isZero();
        assertThat(off.unixSocketWatch()).isZero();
    }

    @Test
    void takesACustomBackoffPolicy() {
        BackoffPolicy fixed = attempt -> Duration.ofMillis(42);

        assertThat(OvsdbOptions.builder().reconnectBackoff(fixed).build().reconnectBackoff()).isSameAs(fixed);
    }

    @Test
    void buildNamesEveryBadOption() {
        OvsdbOptions.Builder builder = OvsdbOptions.builder()
                .maxMessageSize(10)
                .callTimeout(Duration.ZERO)
                .connectTimeout(Duration.ofSeconds(-1))
                .inactivityProbe(Duration.ofMillis(-5))
                .unixInactivityProbe(Duration.ofMillis(-5))
                .unixSocketWatch(Duration.ofMillis(-1))
                .reconnectBackoff(Duration.ofSeconds(10), Duration.ofSeconds(1), 0.1);

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxMessageSize 10")
                .hasMessageContaining("callTimeout")
                .hasMessageContaining("connectTimeout")
                .hasMessageContaining("inactivityProbe must")
                .hasMessageContaining("unixInactivityProbe must")
                .hasMessageContaining("unixSocketWatch must")
                .hasMessageContaining("reconnectBackoff: maximum backoff");
    }

    @Test
    void rejectsJitterOutsideZeroToOne() {
        assertThatThrownBy(() -> OvsdbOptions.builder()
                .reconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 1.5).build())
                .hasMessageContaining("jitter");
    }
}
