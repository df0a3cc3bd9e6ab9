package org.ovsqos.ovsdb.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Clients for the integration tests, closed together; and waiting on futures without hanging. */
final class ClientFixture implements AutoCloseable {

    static final Duration WITHIN = Duration.ofSeconds(15);
    static final String VSWITCH = "Open_vSwitch";
    /** Quick reconnects keep the restart tests short; the backoff itself is tested elsewhere. */
    static final OvsdbOptions OPTIONS = OvsdbOptions.builder()
            .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(500), 0.2).build();

    private final List<OvsdbClient> clients = new ArrayList<>();

    /** A started client, already CONNECTED. */
    OvsdbClient connect(Endpoint endpoint) {
        return connect(endpoint, OPTIONS);
    }

    OvsdbClient connect(Endpoint endpoint, OvsdbOptions options) {
        OvsdbClient client = create(endpoint, options).start();
        get(client.session().whenConnected());
        return client;
    }

    /** A client not yet started. */
    OvsdbClient create(Endpoint endpoint, OvsdbOptions options) {
        OvsdbClient client = OvsdbClient.create(endpoint, options);
        clients.add(client);
        return client;
    }

    static <T> T get(CompletableFuture<T> future) {
        try {
            return future.get(WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("call did not succeed within " + WITHIN, e);
        }
    }

    /** The exception {@code future} fails with, of {@code type}. */
    static <T extends Throwable> T failure(CompletableFuture<?> future, Class<T> type) {
        try {
            Object value = future.get(WITHIN.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError("expected " + type.getSimpleName() + ", got " + value);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(type);
            return type.cast(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (TimeoutException e) {
            throw new AssertionError("expected " + type.getSimpleName() + " within " + WITHIN, e);
        }
    }

    @Override
    public void close() {
        clients.forEach(OvsdbClient::close);
        clients.clear();
    }
}
