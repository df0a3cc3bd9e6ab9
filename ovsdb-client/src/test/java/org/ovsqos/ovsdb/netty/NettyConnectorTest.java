package org.ovsqos.ovsdb.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.channel.EventLoopGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NettyConnectorTest {
    /**
     * An idle loop sleeps: no wake-up a second, as Netty 4.2 would otherwise do. Counted by the
     * kernel (the thread's voluntary context switches), over a window long enough for two.
     */
    @Test
    void anIdleLoopDoesNotWakeEverySecond() throws Exception {
        EventLoopGroup group = NettyConnector.newEventLoopGroup("idle-test");
        try {
            // "PID/task/TID" of the loop's own thread.
            Path thread = Path.of("/proc").resolve(group.submit(() -> Files.readSymbolicLink(Path.of("/proc/thread-self")))
                    .get(10, TimeUnit.SECONDS));
            // From the moment it is idle: after the task above, the loop may still go to sleep
            // once or twice (its wake-up event, the timer it arms).
            long[] last = {-1};
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300))
                    .until(() -> last[0] == (last[0] = voluntarySwitches(thread)));
            long before = last[0];
            Thread.sleep(2_500); // the absence of wake-ups can only be watched for a while

            assertThat(voluntarySwitches(thread) - before).isLessThanOrEqualTo(1);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    private static long voluntarySwitches(Path thread) throws Exception {
        return Files.readAllLines(thread.resolve("status")).stream()
                .filter(line -> line.startsWith("voluntary_ctxt_switches:"))
                .mapToLong(line -> Long.parseLong(line.substring(line.indexOf(':') + 1).trim()))
                .findFirst().orElseThrow();
    }
}
