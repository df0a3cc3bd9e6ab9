package org.ovsqos.daemon.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGHUP reloads, SIGTERM and SIGINT stop cleanly.
 *
 * <p>Why {@code sun.misc.Signal}: the JDK has no supported API for SIGHUP at all (shutdown hooks
 * only see termination, and with them the JVM exits with 143, which systemd records as a
 * failure). {@code sun.misc.Signal} lives in the {@code jdk.unsupported} module, which exists
 * precisely to keep this kind of API available. The actions receive the signal's name
 * ({@code HUP}, {@code TERM}, {@code INT}) and run on a short-lived JVM signal thread, so they
 * must only hand work over (count down a latch, submit to the engine's executor), never do it.
 */
public final class SignalHandlers implements AutoCloseable {
    private record Installed(Signal signal, SignalHandler previous) {}

    private final List<Installed> installed;

    private SignalHandlers(List<Installed> installed) {
        this.installed = installed;
    }

    /**
     * Installs the handlers; {@link #close()} restores the previous ones.
     *
     * @throws IllegalArgumentException when a signal cannot be handled (for example under
     *                                  {@code -Xrs}); nothing stays installed then
     */
    public static SignalHandlers install(Consumer<String> onHangup, Consumer<String> onTerminate) {
        Objects.requireNonNull(onHangup, "onHangup");
        Objects.requireNonNull(onTerminate, "onTerminate");
        List<Installed> done = new ArrayList<>();
        SignalHandlers handlers = new SignalHandlers(done);
        try {
            done.add(handle("HUP", onHangup));
            done.add(handle("TERM", onTerminate));
            done.add(handle("INT", onTerminate));
        } catch (IllegalArgumentException e) {
            handlers.close();
            throw e;
        }
        return handlers;
    }

    private static Installed handle(String name, Consumer<String> action) {
        Signal signal = new Signal(name);
        SignalHandler previous = Signal.handle(signal, s -> action.accept(s.getName()));
        return new Installed(signal, previous);
    }

    @Override
    public void close() {
        for (int i = installed.size() - 1; i >= 0; i--) {
            Installed each = installed.get(i);
            Signal.handle(each.signal(), each.previous());
        }
        installed.clear();
    }
}
